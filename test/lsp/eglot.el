;;; eglot.el --- open a rules file with iptlint's server under Emacs's eglot, report the diagnostics  -*- lexical-binding: t -*-
;; Run with: emacs --batch -l eglot.el   (IPTLINT_NODE, IPTLINT_SERVER, IPTLINT_FILE, IPTLINT_OUT in the environment)
(require 'eglot)
(require 'json)
(require 'flymake)

(define-derived-mode iptables-mode prog-mode "iptables"
  "Just enough of a major mode for eglot to manage rules files.")
(add-to-list 'eglot-server-programs
             `(iptables-mode . (,(getenv "IPTLINT_NODE") ,(getenv "IPTLINT_SERVER") "--stdio")))

(defun iptlint-test--finish (status payload)
  (with-temp-file (getenv "IPTLINT_OUT") (insert (json-encode payload)))
  (kill-emacs status))

(condition-case err
    (progn
      (find-file (getenv "IPTLINT_FILE"))
      (iptables-mode)
      (let ((server (apply #'eglot (eglot--guess-contact))))
        ;; Batch Emacs runs no command loop, so start flymake's reporting by hand once eglot manages the buffer.
        (flymake-start)
        (let ((waited 0))
          (while (and (null (flymake-diagnostics)) (< waited 200))
            (accept-process-output nil 0.1)
            (setq waited (1+ waited))))
        (let ((diags (mapcar (lambda (d)
                               (let ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d)))
                                 `((line . ,(1- (line-number-at-pos beg)))
                                   (col . ,(save-excursion (goto-char beg) (current-column)))
                                   (endCol . ,(save-excursion (goto-char end) (current-column)))
                                   (type . ,(symbol-name (flymake-diagnostic-type d)))
                                   (text . ,(flymake-diagnostic-text d)))))
                             (flymake-diagnostics))))
          (ignore-errors (eglot-shutdown server))
          (iptlint-test--finish 0 `((diagnostics . ,(vconcat diags)))))))
  (error (iptlint-test--finish 1 `((error . ,(error-message-string err))))))
