/* Atomic output files: write to a temporary file next to the target, then
 * rename it into place, so that a reader never sees a half-written file
 * and a failed run leaves the previous file untouched.
 *
 *   atomic_file *a = atomic_open(path, err);   (NULL on failure)
 *   ... write to a->f ...
 *   rc = atomic_commit(a, err);                (frees a, success or not)
 * or, to give up, atomic_abort(a).
 *
 * The path "-" means stdout: nothing is renamed, commit only flushes and
 * checks for write errors; stdout is never closed.  So does any path that
 * names the file stdout is open on (/dev/stdout, /proc/self/fd/1, a link to
 * them, the file stdout was redirected to): it is written through stdout,
 * never opened again; and likewise any path that names stderr's file
 * (/dev/stderr, the file of 2> FILE) is written through stderr, so that the
 * messages already there are not truncated or overwritten.  An existing PATH that is neither a regular file nor a
 * directory (/dev/null, a FIFO) is written in place, not replaced.  Nothing
 * is created or renamed over in a directory that resolves into /dev or /proc
 * (/dev/shm excepted): an existing file there (/dev/stderr, /dev/fd/N) is
 * written in place, a missing one is refused.  A symbolic link at PATH is
 * replaced by the new file (the file it pointed to is left alone). */
#ifndef MLP_ATOMIC_H
#define MLP_ATOMIC_H

#include <stdio.h>

typedef struct {
    FILE *f;    /* write here; owned unless it is stdout or stderr */
    char *path; /* target path, owned */
    char *tmp;  /* "PATH.tmp.XXXXXX", owned; NULL when written in place */
} atomic_file;

/* 1 if PATH is "-" or names the same file as stdout (st_dev and st_ino of
 * stat(PATH) equal those of fstat(STDOUT_FILENO)), else 0. */
int atomic_is_stdout(const char *path);

/* Create PATH.tmp.XXXXXX in PATH's directory, mode 0644 minus the umask;
 * PATH's base name is cut (whole UTF-8 characters) so that the temporary
 * file's name fits the directory's NAME_MAX.
 * NULL on failure, message "PATH: cannot create temporary file: REASON"
 * (or "PATH: cannot open: REASON" for a device). */
atomic_file *atomic_open(const char *path, char *err);

/* Flush, fsync, close and rename into place; free a.  On any failure
 * (including an earlier write error on a->f) the temporary file is removed,
 * PATH is left as it was, and MLP_EIO is returned with the message of
 * atomic_write_error. */
int atomic_commit(atomic_file *a, char *err);

/* The message for a failed write to a (errnum 0 means EIO):
 *   "PATH: write failed: REASON (PATH left as it was)"   (a temporary file;
 *                                                         PATH exists)
 *   "PATH: write failed: REASON (nothing written)"       (PATH did not exist)
 *   "PATH: write failed: REASON"                         (a device, in place)
 *   "stdout: write failed: REASON"  (or stderr)                             */
void atomic_write_error(const atomic_file *a, int errnum, char *err);

/* The same shape for any reason: "PATH: REASON (PATH left as it was)", ... */
void atomic_fail_message(const atomic_file *a, const char *reason, char *err);

/* Flush stdout, where results and "-" files go: a full disk or a closed pipe
 * there is a failure too.  MLP_OK, or MLP_EIO with "stdout: write failed:
 * REASON" (the errno of the failed write, EIO when there is none). */
int atomic_flush_stdout(char *err);

/* Remove the temporary file and free a.  Accepts NULL. */
void atomic_abort(atomic_file *a);

/* Check, before a run starts, that PATH could be written: its directory
 * exists and is writable, and PATH is not itself a directory (an existing
 * device or FIFO, or a path in /dev or /proc, must be writable itself), and
 * its file name fits the directory's NAME_MAX.  "-" and any path naming
 * stdout's file pass.  MLP_EIO with one of:
 *   PATH: directory "DIR" does not exist
 *   PATH: directory "DIR" is not writable
 *   PATH: "DIR" is not a directory
 *   PATH: is a directory
 *   PATH: not writable: REASON                  (a device or FIFO, /dev, /proc)
 *   PATH: file name longer than 255 bytes       (NAME_MAX of DIR)
 *   "": empty file name                                                 */
int atomic_check_dir(const char *path, char *err);

#endif
