#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sigstop.h"
#include "status.h"

/* 1 if path names the file open on fd: /dev/stdout or /dev/stderr,
 * /proc/self/fd/N, a link to them, or the file the stream was redirected
 * to.  A second open (truncating it) would clash with the stream. */
static int same_file_as_fd(const char *path, int fd)
{
    struct stat p, o;
    return stat(path, &p) == 0 && fstat(fd, &o) == 0 && p.st_dev == o.st_dev &&
           p.st_ino == o.st_ino;
}

int atomic_is_stdout(const char *path)
{
    return strcmp(path, "-") == 0 || same_file_as_fd(path, STDOUT_FILENO);
}

/* stdout or stderr, which atomic files write through and never close */
static int is_std_stream(const FILE *f)
{
    return f == stdout || f == stderr;
}

/* The directory part of path ("." if none), malloc'ed; NULL if out of memory. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return strdup(".");
    size_t len = (size_t)(slash - path);
    if (len == 0)
        len = 1; /* "/file" lives in "/" */
    char *dir = malloc(len + 1);
    if (dir != NULL) {
        memcpy(dir, path, len);
        dir[len] = '\0';
    }
    return dir;
}

/* 1 if path's directory resolves into /dev or /proc (not /dev/shm, a
 * tmpfs meant for files): there nothing is created or renamed over */
static int in_system_dir(const char *path)
{
    char *dir = dir_of(path);
    if (dir == NULL)
        return 0;
    char *real = realpath(dir, NULL);
    free(dir);
    if (real == NULL)
        return 0;
    int sys = 0;
    static const char *const roots[] = {"/dev", "/proc"};
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        size_t n = strlen(roots[i]);
        if (strncmp(real, roots[i], n) == 0 && (real[n] == '\0' || real[n] == '/'))
            sys = 1;
    }
    if (strncmp(real, "/dev/shm", 8) == 0 && (real[8] == '\0' || real[8] == '/'))
        sys = 0;
    free(real);
    return sys;
}

/* The longest file name allowed in path's directory (NAME_MAX if unknown). */
static size_t name_max(const char *path)
{
    char *dir = dir_of(path);
    long n = dir != NULL ? pathconf(dir, _PC_NAME_MAX) : -1;
    free(dir);
    return n > 0 ? (size_t)n : NAME_MAX;
}

#define TMP_MARK ".tmp.XXXXXX"

/* "DIR/BASE.tmp.XXXXXX", BASE cut (never inside a UTF-8 character) so that
 * the last component fits the directory's name limit; NULL if out of memory. */
static char *tmp_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
    size_t blen = strlen(path + dlen);
    size_t max = name_max(path);
    size_t room = max > sizeof TMP_MARK ? max - (sizeof TMP_MARK - 1) : 1;
    if (blen > room) {
        blen = room;
        while (blen > 1 && ((unsigned char)path[dlen + blen] & 0xC0) == 0x80)
            blen--;
    }
    char *tmp = malloc(dlen + blen + sizeof TMP_MARK);
    if (tmp != NULL) {
        memcpy(tmp, path, dlen + blen);
        memcpy(tmp + dlen + blen, TMP_MARK, sizeof TMP_MARK);
    }
    return tmp;
}

static void free_file(atomic_file *a)
{
    if (a->tmp != NULL)
        sigstop_untrack(a->tmp);
    free(a->path);
    free(a->tmp);
    free(a);
}

atomic_file *atomic_open(const char *path, char *err)
{
    atomic_file *a = calloc(1, sizeof *a);
    if (a == NULL || (a->path = strdup(path)) == NULL) {
        free(a);
        mlp_seterr(err, "%s: out of memory", path);
        return NULL;
    }
    if (atomic_is_stdout(path)) {
        a->f = stdout;
        return a;
    }
    if (same_file_as_fd(path, STDERR_FILENO)) {
        a->f = stderr;
        return a;
    }
    /* in /dev or /proc (/dev/stderr, /dev/fd/N) nothing is created or renamed
     * over: an existing file there is written in place, or not at all */
    if (in_system_dir(path)) {
        int fd = open(path, O_WRONLY | O_TRUNC | O_NOCTTY);
        if (fd < 0 || (a->f = fdopen(fd, "w")) == NULL) {
            mlp_seterr(err, "%s: cannot open: %s", path, strerror(errno));
            if (fd >= 0)
                close(fd);
            free_file(a);
            return NULL;
        }
        return a;
    }
    /* a device or FIFO (/dev/null, a pipe) cannot be replaced by a rename,
     * and must not be: write to it in place */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        if ((a->f = fopen(path, "w")) == NULL) {
            mlp_seterr(err, "%s: cannot open: %s", path, strerror(errno));
            free_file(a);
            return NULL;
        }
        return a;
    }
    if ((a->tmp = tmp_name(path)) == NULL) {
        free_file(a);
        mlp_seterr(err, "%s: out of memory", path);
        return NULL;
    }
    int fd = mkstemp(a->tmp);
    if (fd < 0) {
        mlp_seterr(err, "%s: cannot create temporary file: %s", path, strerror(errno));
        free_file(a);
        return NULL;
    }
    /* a signal outside training removes it (see sigstop.h) */
    sigstop_track(a->tmp);
    /* mkstemp makes 0600: a file that replaces another keeps its mode; a
     * new one gets the mode open(2) would give it */
    mode_t mask = umask(0);
    umask(mask);
    mode_t mode = 0644 & ~mask;
    struct stat old;
    if (stat(path, &old) == 0 && S_ISREG(old.st_mode))
        mode = old.st_mode & 07777;
    if (fchmod(fd, mode) != 0 || (a->f = fdopen(fd, "w")) == NULL) {
        mlp_seterr(err, "%s: cannot create temporary file: %s", path, strerror(errno));
        close(fd);
        unlink(a->tmp);
        free_file(a);
        return NULL;
    }
    return a;
}

/* Make the rename durable; failure here does not undo a completed rename. */
static void sync_dir(const char *path)
{
    char *dir = dir_of(path);
    if (dir == NULL)
        return;
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

int atomic_commit(atomic_file *a, char *err)
{
    int e = 0;
    if (fflush(a->f) != 0)
        e = errno;
    else if (ferror(a->f))
        e = EIO; /* an earlier write failed; its errno is gone */
    if (a->tmp == NULL) { /* stdout or stderr, or a device written in place */
        if (!is_std_stream(a->f) && fclose(a->f) != 0 && e == 0)
            e = errno;
        if (e != 0)
            atomic_write_error(a, e, err);
        free_file(a);
        return e != 0 ? MLP_EIO : MLP_OK;
    }
    if (e == 0 && fsync(fileno(a->f)) != 0)
        e = errno;
    if (fclose(a->f) != 0 && e == 0)
        e = errno;
    a->f = NULL;
    if (e == 0 && rename(a->tmp, a->path) != 0)
        e = errno;
    if (e != 0) {
        unlink(a->tmp);
        atomic_write_error(a, e, err);
        free_file(a);
        return MLP_EIO;
    }
    sync_dir(a->path);
    free_file(a);
    return MLP_OK;
}

void atomic_fail_message(const atomic_file *a, const char *reason, char *err)
{
    struct stat st;
    if (a->tmp != NULL && stat(a->path, &st) == 0) /* never touched: say so */
        mlp_seterr(err, "%s: %s (%s left as it was)", a->path, reason, a->path);
    else if (a->tmp != NULL)
        mlp_seterr(err, "%s: %s (nothing written)", a->path, reason);
    else
        mlp_seterr(err, "%s: %s",
                   a->f == stdout   ? "stdout"
                   : a->f == stderr ? "stderr"
                                    : a->path,
                   reason);
}

void atomic_write_error(const atomic_file *a, int errnum, char *err)
{
    char reason[MLP_ERRLEN];
    snprintf(reason, sizeof reason, "write failed: %s", strerror(errnum != 0 ? errnum : EIO));
    atomic_fail_message(a, reason, err);
}

int atomic_flush_stdout(char *err)
{
    /* errno is not cleared first: when an earlier write of a long text failed,
     * its errno (ENOSPC, EPIPE) is the reason, and fflush adds none */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        mlp_seterr(err, "stdout: write failed: %s", strerror(errno != 0 ? errno : EIO));
        return MLP_EIO;
    }
    return MLP_OK;
}

void atomic_abort(atomic_file *a)
{
    if (a == NULL)
        return;
    if (a->tmp != NULL) {
        if (a->f != NULL)
            fclose(a->f);
        unlink(a->tmp);
    } else if (is_std_stream(a->f)) {
        fflush(a->f); /* what was written is already out */
    } else if (a->f != NULL) {
        fclose(a->f);
    }
    free_file(a);
}

int atomic_check_dir(const char *path, char *err)
{
    struct stat st;
    if (*path == '\0') {
        mlp_seterr(err, "\"\": empty file name");
        return MLP_EIO;
    }
    if (atomic_is_stdout(path))
        return MLP_OK;
    int exists = stat(path, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        mlp_seterr(err, "%s: is a directory", path);
        return MLP_EIO;
    }
    /* a device or FIFO, or anything in /dev or /proc: written in place */
    if ((exists && !S_ISREG(st.st_mode)) || in_system_dir(path)) {
        if (access(path, W_OK) != 0) {
            mlp_seterr(err, "%s: not writable: %s", path, strerror(errno));
            return MLP_EIO;
        }
        return MLP_OK;
    }
    char *dir = dir_of(path);
    if (dir == NULL) {
        mlp_seterr(err, "%s: out of memory", path);
        return MLP_ENOMEM;
    }
    int rc = MLP_OK;
    if (stat(dir, &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            mlp_seterr(err, "%s: directory \"%s\" does not exist", path, dir);
        else
            mlp_seterr(err, "%s: directory \"%s\": %s", path, dir, strerror(errno));
        rc = MLP_EIO;
    } else if (!S_ISDIR(st.st_mode)) {
        mlp_seterr(err, "%s: \"%s\" is not a directory", path, dir);
        rc = MLP_EIO;
    } else if (access(dir, W_OK | X_OK) != 0) {
        mlp_seterr(err, "%s: directory \"%s\" is not writable", path, dir);
        rc = MLP_EIO;
    }
    free(dir);
    const char *slash = strrchr(path, '/');
    size_t max = name_max(path);
    if (rc == MLP_OK && strlen(slash != NULL ? slash + 1 : path) > max) {
        mlp_seterr(err, "%s: file name longer than %zu bytes", path, max);
        rc = MLP_EIO;
    }
    return rc;
}
