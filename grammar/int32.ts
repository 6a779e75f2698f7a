/** A copy of `array` twice as long, the new half zero: how the growing Int32Array columns here make room (lint()'s line index, the chain checks' jump graph). */
export function doubled(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
