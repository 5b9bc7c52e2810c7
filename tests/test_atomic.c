/* Paths that atomic output must not rename over, and names near NAME_MAX:
 * a path naming stdout's file is written like "-"; nothing is created or
 * renamed over in /dev or /proc; the temporary name of a long file name fits
 * NAME_MAX (cut whole UTF-8 characters); a name over NAME_MAX is refused by
 * atomic_check_dir.  Files live in a fresh mkdtemp directory. */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "check.h"
#include "status.h"

static char tmpdir[] = "/tmp/mlp-test-atomic-XXXXXX";

static const char *tpath(const char *name)
{
    static char buf[4][1024];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
    return buf[k];
}

static int temp_files_left(void)
{
    return check_temp_files_in(tmpdir);
}

/* name made of n copies of unit after prefix */
static const char *repeat(const char *prefix, const char *unit, size_t n)
{
    static char buf[1024];
    size_t len = strlen(prefix), u = strlen(unit);
    memcpy(buf, prefix, len);
    for (size_t i = 0; i < n && len + u < sizeof buf; i++, len += u)
        memcpy(buf + len, unit, u);
    buf[len] = '\0';
    return buf;
}

static int is_link_to(const char *path, const char *target)
{
    char buf[256];
    ssize_t n = readlink(path, buf, sizeof buf - 1);
    if (n < 0)
        return 0;
    buf[n] = '\0';
    return strcmp(buf, target) == 0;
}

/* stdout redirected to a regular file: every name for that file is "-" */
static void test_stdout_names(void)
{
    char err[MLP_ERRLEN] = "";
    CHECK(atomic_is_stdout("-") == 1);
    const char *out = tpath("stdout.txt");
    int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    fflush(stdout);
    int saved = dup(STDOUT_FILENO);
    CHECK(saved >= 0 && dup2(fd, STDOUT_FILENO) == STDOUT_FILENO);
    close(fd);
    struct stat before, after;
    CHECK(stat(out, &before) == 0);

    const char *link = tpath("link");
    CHECK(symlink("/proc/self/fd/1", link) == 0);
    const char *other = tpath("other.txt");
    fd = open(other, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    close(fd);
    int names[5] = {atomic_is_stdout(out), atomic_is_stdout(link),
                    atomic_is_stdout("/proc/self/fd/1"), atomic_is_stdout(other),
                    atomic_is_stdout(tpath("missing"))};
    CHECK(atomic_check_dir(link, err) == MLP_OK);
    atomic_file *a = atomic_open(link, err);
    int was_stdout = a != NULL && a->f == stdout && a->tmp == NULL;
    if (a != NULL) {
        fputs("via the link\n", a->f);
        CHECK(atomic_commit(a, err) == MLP_OK);
    }
    a = atomic_open(out, err);
    int was_stdout2 = a != NULL && a->f == stdout && a->tmp == NULL;
    if (a != NULL) {
        fputs("via its name\n", a->f);
        CHECK(atomic_commit(a, err) == MLP_OK);
    }
    fflush(stdout);
    CHECK(dup2(saved, STDOUT_FILENO) == STDOUT_FILENO);
    close(saved);

    CHECK(names[0] == 1 && names[1] == 1 && names[2] == 1);
    CHECK(names[3] == 0 && names[4] == 0);
    CHECK(was_stdout && was_stdout2);
    CHECK(is_link_to(link, "/proc/self/fd/1"));
    CHECK(stat(out, &after) == 0 && after.st_ino == before.st_ino);
    FILE *f = fopen(out, "r");
    char text[64] = "";
    size_t n = f != NULL ? fread(text, 1, sizeof text - 1, f) : 0;
    text[n] = '\0';
    if (f != NULL)
        fclose(f);
    CHECK_STR(text, "via the link\nvia its name\n");
    CHECK(temp_files_left() == 0);
    unlink(link);
    unlink(out);
    unlink(other);
}

/* /dev and /proc: written in place, never created or renamed over */
static void test_system_dirs(void)
{
    char err[MLP_ERRLEN] = "";
    const char *dev = "/dev/mlptrain-test-no-such-file.csv";
    CHECK(atomic_check_dir(dev, err) == MLP_EIO);
    CHECK_STR(err, "/dev/mlptrain-test-no-such-file.csv: not writable: No such file or directory");
    CHECK(atomic_open(dev, err) == NULL);
    CHECK_STR(err, "/dev/mlptrain-test-no-such-file.csv: cannot open: No such file or directory");
    CHECK(access(dev, F_OK) != 0);
    CHECK(atomic_open("/proc/self/fd/99", err) == NULL);
    CHECK_STR(err, "/proc/self/fd/99: cannot open: No such file or directory");

    /* /dev/fd/N naming a regular file (not stdout): written in place */
    const char *p = tpath("fd.txt");
    int fd = open(p, O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0 && write(fd, "old contents\n", 13) == 13);
    char via[64];
    snprintf(via, sizeof via, "/dev/fd/%d", fd);
    CHECK(atomic_check_dir(via, err) == MLP_OK);
    atomic_file *a = atomic_open(via, err);
    CHECK_MSG(a != NULL && a->tmp == NULL && a->f != stdout, "%s", err);
    if (a != NULL) {
        fputs("new\n", a->f);
        CHECK(atomic_commit(a, err) == MLP_OK);
    }
    close(fd);
    CHECK(is_link_to("/dev/fd", "/proc/self/fd"));
    struct stat st;
    CHECK(lstat(p, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 4);
    CHECK(temp_files_left() == 0);
    unlink(p);
}

static void check_tmp_name(const char *path, size_t want_base)
{
    char err[MLP_ERRLEN] = "";
    atomic_file *a = atomic_open(path, err);
    CHECK_MSG(a != NULL, "%s", err);
    if (a == NULL)
        return;
    const char *slash = strrchr(a->tmp, '/');
    const char *last = slash + 1, *pbase = strrchr(path, '/') + 1;
    CHECK(slash != NULL && (size_t)(slash - a->tmp) == strlen(tmpdir) &&
          strncmp(a->tmp, tmpdir, strlen(tmpdir)) == 0);
    CHECK(strlen(last) <= NAME_MAX);
    CHECK_MSG(strlen(last) == want_base + strlen(".tmp.XXXXXX") &&
                  strncmp(last, pbase, want_base) == 0 &&
                  strncmp(last + want_base, ".tmp.", 5) == 0,
              "%s", last);
    fputs("x\n", a->f);
    CHECK_MSG(atomic_commit(a, err) == MLP_OK, "%s", err);
    struct stat st;
    CHECK(stat(path, &st) == 0 && st.st_size == 2);
    CHECK(temp_files_left() == 0);
    unlink(path);
}

static void test_long_names(void)
{
    char err[MLP_ERRLEN] = "", want[MLP_ERRLEN * 2];
    check_tmp_name(tpath("short.csv"), 9); /* unchanged */
    check_tmp_name(tpath(repeat("", "a", 244)), 244);
    check_tmp_name(tpath(repeat("", "a", 250)), 244);
    check_tmp_name(tpath(repeat("", "a", 255)), 244);
    /* never half a UTF-8 character: 1 + 2 * 127 bytes cut to 1 + 2 * 121 */
    check_tmp_name(tpath(repeat("a", "\xc3\xa9", 127)), 243);

    const char *p = tpath(repeat("", "n", 255));
    CHECK_MSG(atomic_check_dir(p, err) == MLP_OK, "%s", err);
    p = tpath(repeat("", "n", 256));
    CHECK(atomic_check_dir(p, err) == MLP_EIO);
    snprintf(want, sizeof want, "%s: file name longer than 255 bytes", p);
    CHECK_STR(err, want);
    /* a directory that does not exist still says so first */
    p = tpath(repeat("nope/", "n", 256));
    CHECK(atomic_check_dir(p, err) == MLP_EIO);
    snprintf(want, sizeof want, "%s: directory \"%s/nope\" does not exist", p, tmpdir);
    CHECK_STR(err, want);
}

/* A file that replaces another keeps that file's mode; a new one gets
 * 0644 minus the umask. */
static void test_modes(void)
{
    char err[MLP_ERRLEN];
    const char *p = tpath("mode.csv");
    mode_t mask = umask(022);
    for (int round = 0; round < 2; round++) {
        atomic_file *a = atomic_open(p, err);
        CHECK(a != NULL);
        if (a == NULL)
            break;
        fputs("x\n", a->f);
        CHECK(atomic_commit(a, err) == MLP_OK);
        struct stat st;
        CHECK(stat(p, &st) == 0 && (st.st_mode & 07777) == (round == 0 ? 0644 : 0600));
        chmod(p, 0600); /* the second round replaces a 0600 file */
    }
    umask(mask);
    unlink(p);
}

int main(void)
{
    if (mkdtemp(tmpdir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    test_stdout_names();
    test_system_dirs();
    test_long_names();
    test_modes();
    rmdir(tmpdir);
    return check_done("atomic");
}
