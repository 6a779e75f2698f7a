/** Entry point of the lint worker thread (see lint-worker.ts). */
import { parentPort } from 'node:worker_threads';
import { serveLintWorker } from './lint-worker.js';

if (parentPort) serveLintWorker(parentPort);
