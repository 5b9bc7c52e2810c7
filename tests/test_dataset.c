/* CSV writer and reader (round trip, every loader message) and the atomic
 * output file.  Files live in a fresh mkdtemp directory. */
#include <dirent.h>
#include <errno.h>
#include <float.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "check.h"
#include "dataset.h"
#include "rng.h"
#include "status.h"

static char tmpdir[] = "/tmp/mlp-test-dataset-XXXXXX";

static const char *tpath(const char *name)
{
    static char buf[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
    return buf[k];
}

static const char *write_file(const char *name, const char *data, size_t len)
{
    const char *p = tpath(name);
    FILE *f = fopen(p, "wb");
    CHECK(f != NULL && fwrite(data, 1, len, f) == len && fclose(f) == 0);
    return p;
}

/* Contents of a file as a malloc'ed string (NULL if unreadable). */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return strdup(buf);
}

static int same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static int same_dataset(const dataset *a, const dataset *b)
{
    if (a == NULL || b == NULL || a->n != b->n || a->d != b->d)
        return 0;
    for (size_t i = 0; i < a->n * a->d; i++)
        if (!same_bits(a->x[i], b->x[i]))
            return 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->y[i] != b->y[i])
            return 0;
    return 1;
}

/* ---- loader errors: status and exact message ---- */

#define BAD(content, status, fmt) bad_file(__LINE__, content, sizeof content - 1, status, fmt)

/* fmt has one %s for the file name */
static void bad_file(int line, const char *data, size_t len, int status, const char *fmt)
{
    const char *p = write_file("bad.csv", data, len);
    char want[MLP_ERRLEN * 2], err[MLP_ERRLEN] = "";
    snprintf(want, sizeof want, fmt, p);
    dataset *ds = (dataset *)&want;
    int rc = dataset_read_csv(p, &ds, err);
    CHECK_MSG(rc == status && ds == NULL, "line %d: status %d, want %d", line, rc, status);
    CHECK_MSG(strcmp(err, want) == 0, "line %d:\n    got  \"%s\"\n    want \"%s\"", line, err,
              want);
}

static void test_loader_errors(void)
{
    const int F = MLP_EFORMAT;
    BAD("", F, "%s: empty file (expected a header \"x1,x2,y\" and data rows)");
    BAD("\xEF\xBB\xBF", F, "%s: empty file (expected a header \"x1,x2,y\" and data rows)");
    BAD("x1,x2,y\n", F, "%s: no data rows after the header");
    BAD("x1,x2,y", F, "%s: no data rows after the header");
    BAD("x1,x2,y\r\n\r\n\n", F, "%s: no data rows after the header");
    BAD("0.5,0.25,1\n0.1,0.2,0\n", F, "%s:1: missing header: expected \"x1,x2,y\"");
    BAD("-1e3,2,0\n", F, "%s:1: missing header: expected \"x1,x2,y\"");
    BAD("\n\n", F, "%s: empty file (expected a header \"x1,x2,y\" and data rows)");
    BAD("\xEF\xBB\xBF\r\n", F, "%s: empty file (expected a header \"x1,x2,y\" and data rows)");
    BAD("\nx1,x2,y\n1,2,0\n", F, "%s:1: empty line instead of the header (expected \"x1,x2,y\")");
    BAD("\xEF\xBB\xBF\nx1,x2,y\n1,2,0\n", F,
        "%s:1: empty line instead of the header (expected \"x1,x2,y\")");
    BAD("\xEF\xBB\xBFx1,x2,y\n", F, "%s: no data rows after the header");
    BAD("a,b,c\n1,2,0\n", F, "%s:1: bad header \"a,b,c\" (expected \"x1,x2,y\")");
    BAD("x1, x2, y\n1,2,0\n", F, "%s:1: bad header \"x1, x2, y\" (expected \"x1,x2,y\")");
    BAD("x1,x2,y,z\n1,2,0\n", F, "%s:1: bad header \"x1,x2,y,z\" (expected \"x1,x2,y\")");
    BAD("x1,x2,x3,y\n1,2,3,0\n", F,
        "%s:1: header \"x1,x2,x3,y\" has 3 features (only 2 features, x1,x2, are supported for now)");
    BAD("x1,y\n1,0\n", F,
        "%s:1: header \"x1,y\" has 1 feature (only 2 features, x1,x2, are supported for now)");
    BAD("x1,x2,y\n1,2,0\n1,2\n", F, "%s:3: expected 3 fields (x1,x2,y), found 2");
    BAD("x1,x2,y\n1,2,0,5\n", F, "%s:2: expected 3 fields (x1,x2,y), found 4");
    BAD("x1,x2,y\n1 2 0\n", F, "%s:2: expected 3 fields (x1,x2,y), found 1");
    BAD("x1,x2,y\n1,abc,0\n", F, "%s:2: x2 \"abc\" is not a number (expected a finite number)");
    BAD("x1,x2,y\n1.5x,2,0\n", F, "%s:2: x1 \"1.5x\" is not a number (expected a finite number)");
    BAD("x1,x2,y\n1.5 2,2,0\n", F, "%s:2: x1 \"1.5 2\" is not a number (expected a finite number)");
    BAD("x1,x2,y\n,2,0\n", F, "%s:2: x1 is empty (expected a finite number)");
    BAD("x1,x2,y\n1, \t,0\n", F, "%s:2: x2 is empty (expected a finite number)");
    BAD("x1,x2,y\nnan,2,0\n", F, "%s:2: x1 \"nan\" is not finite (expected a finite number)");
    BAD("x1,x2,y\n1,-inf,0\n", F, "%s:2: x2 \"-inf\" is not finite (expected a finite number)");
    BAD("x1,x2,y\n1,Infinity,0\n", F,
        "%s:2: x2 \"Infinity\" is not finite (expected a finite number)");
    BAD("x1,x2,y\n1e400,2,0\n", F, "%s:2: x1 \"1e400\" is too large (allowed |value| <= 1e10)");
    BAD("x1,x2,y\n1,-1.0000001e10,0\n", F,
        "%s:2: x2 \"-1.0000001e10\" is too large (allowed |value| <= 1e10)");
    BAD("x1,x2,y\n1,2,2\n", F, "%s:2: label \"2\" is not 0 or 1");
    BAD("x1,x2,y\n1,2,0\n1,2,-1\n", F, "%s:3: label \"-1\" is not 0 or 1");
    BAD("x1,x2,y\n1,2,1.00\n", F, "%s:2: label \"1.00\" is not 0 or 1");
    BAD("x1,x2,y\n1,2,0.5\n", F, "%s:2: label \"0.5\" is not 0 or 1");
    BAD("x1,x2,y\n1,2,true\n", F, "%s:2: label \"true\" is not 0 or 1");
    BAD("x1,x2,y\n1,2,\n", F, "%s:2: label is empty (expected 0 or 1)");
    BAD("x1,x2,y\n1,2,0\n\n3,4,1\n", F, "%s:3: empty line (expected 3 fields x1,x2,y)");
    BAD("x1,x2,y\n1,2\0,0\n", F, "%s:2: NUL byte at column 4 (a text CSV file is expected)");
    BAD("\x89PNG\r\n\x1a\n", F, "%s:1: non-text byte 0x89 at column 1 (only ASCII text is allowed)");
    BAD("x1,x2,y\n1,2,0\r1,2,0\n", F,
        "%s:2: non-text byte 0x0D at column 6 (only ASCII text is allowed)");
    BAD("x1,x2,y\n1,\xC3\xA9,0\n", F,
        "%s:2: non-text byte 0xC3 at column 3 (only ASCII text is allowed)");
    /* a long value is cut in the message */
    BAD("x1,x2,y\n1,2,0123456789012345678901234567890123456789012345\n", F,
        "%s:2: label \"0123456789012345678901234567890123456789...\" is not 0 or 1");

    /* I/O errors */
    char err[MLP_ERRLEN], want[MLP_ERRLEN * 2];
    dataset *ds = NULL;
    const char *p = tpath("missing.csv");
    CHECK(dataset_read_csv(p, &ds, err) == MLP_EIO && ds == NULL);
    snprintf(want, sizeof want, "%s: cannot open: No such file or directory", p);
    CHECK_STR(err, want);
    CHECK(dataset_read_csv(tmpdir, &ds, err) == MLP_EIO && ds == NULL);
    snprintf(want, sizeof want, "%s: read error: Is a directory", tmpdir);
    CHECK_STR(err, want);
}

/* Lines up to 1 MiB are read; a longer one is refused without reading it all. */
static void test_long_lines(void)
{
    size_t max = DATASET_MAX_LINE, hlen = 8;
    char *big = malloc(hlen + max + 3);
    memcpy(big, "x1,x2,y\n", hlen);
    /* "1,2," + blanks + "0": exactly max bytes, the blanks are trimmed */
    memcpy(big + hlen, "1,2,", 4);
    memset(big + hlen + 4, ' ', max - 5);
    big[hlen + max - 1] = '0';
    big[hlen + max] = '\n';
    const char *p = write_file("long.csv", big, hlen + max + 1);
    char err[MLP_ERRLEN] = "", want[MLP_ERRLEN * 2];
    dataset *ds = NULL;
    CHECK_MSG(dataset_read_csv(p, &ds, err) == MLP_OK, "%s", err);
    CHECK(ds != NULL && ds->n == 1 && ds->x[0] == 1.0 && ds->y[0] == 0.0);
    dataset_free(ds);
    /* one byte more */
    big[hlen + max - 1] = ' ';
    big[hlen + max] = '0';
    big[hlen + max + 1] = '\n';
    p = write_file("long.csv", big, hlen + max + 2);
    CHECK(dataset_read_csv(p, &ds, err) == MLP_EFORMAT && ds == NULL);
    snprintf(want, sizeof want, "%s:2: line longer than 1 MiB (allowed up to 1048576 bytes per line)", p);
    CHECK_STR(err, want);
    free(big);
}

/* ---- accepted variants ---- */

static dataset *read_ok(const char *name, const char *data, size_t len)
{
    const char *p = write_file(name, data, len);
    char err[MLP_ERRLEN] = "";
    dataset *ds = NULL;
    int rc = dataset_read_csv(p, &ds, err);
    CHECK_MSG(rc == MLP_OK, "%s: %s", name, err);
    return ds;
}
#define READ_OK(name, s) read_ok(name, s, sizeof s - 1)

static void test_loader_variants(void)
{
    dataset *plain = READ_OK("plain.csv", "x1,x2,y\n0.5,-0.25,1\n1e-3,2,0.0\n-1e10,1e10,1.0\n");
    CHECK(plain != NULL && plain->n == 3 && plain->d == 2);
    if (plain == NULL)
        return;
    CHECK(plain->x[0] == 0.5 && plain->x[1] == -0.25 && plain->y[0] == 1.0);
    CHECK(plain->x[2] == 1e-3 && plain->x[3] == 2.0 && plain->y[1] == 0.0);
    CHECK(plain->x[4] == -1e10 && plain->x[5] == 1e10 && plain->y[2] == 1.0);
    size_t n0, n1;
    dataset_class_counts(plain, &n0, &n1);
    CHECK(n0 == 1 && n1 == 2);

    struct {
        const char *name, *data;
    } same[] = {
        {"crlf.csv", "x1,x2,y\r\n0.5,-0.25,1\r\n1e-3,2,0.0\r\n-1e10,1e10,1.0\r\n"},
        {"bom.csv", "\xEF\xBB\xBFx1,x2,y\n0.5,-0.25,1\n1e-3,2,0.0\n-1e10,1e10,1.0\n"},
        {"bomcrlf.csv", "\xEF\xBB\xBFx1,x2,y\r\n0.5,-0.25,1\r\n1e-3,2,0.0\r\n-1e10,1e10,1.0\r\n"},
        {"noeol.csv", "x1,x2,y\n0.5,-0.25,1\n1e-3,2,0.0\n-1e10,1e10,1.0"},
        {"blankend.csv", "x1,x2,y\n0.5,-0.25,1\n1e-3,2,0.0\n-1e10,1e10,1.0\n\n"},
        {"blankends.csv", "x1,x2,y\r\n0.5,-0.25,1\r\n1e-3,2,0.0\r\n-1e10,1e10,1.0\r\n\r\n\n"},
        {"blanks.csv", "x1,x2,y\n 0.5 ,\t-0.25, 1\n+1e-3,2.,0.0 \n-10000000000,1e+10,1.0\n"},
    };
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        dataset *ds = read_ok(same[i].name, same[i].data, strlen(same[i].data));
        CHECK_MSG(same_dataset(ds, plain), "%s differs from plain.csv", same[i].name);
        dataset_free(ds);
    }

    /* "-" reads stdin, and messages call it stdin */
    const char *p = write_file("stdin.csv", "x1,x2,y\n0.5,-0.25,1\n1e-3,2,0.0\n-1e10,1e10,1.0\n",
                               strlen("x1,x2,y\n0.5,-0.25,1\n1e-3,2,0.0\n-1e10,1e10,1.0\n"));
    char err[MLP_ERRLEN] = "";
    dataset *ds = NULL;
    CHECK(freopen(p, "r", stdin) != NULL);
    CHECK_MSG(dataset_read_csv("-", &ds, err) == MLP_OK, "%s", err);
    CHECK(same_dataset(ds, plain));
    dataset_free(ds);
    p = write_file("stdin.csv", "x1,x2,y\n1,2,3\n", 14);
    CHECK(freopen(p, "r", stdin) != NULL);
    CHECK(dataset_read_csv("-", &ds, err) == MLP_EFORMAT);
    CHECK_STR(err, "stdin:2: label \"3\" is not 0 or 1");
    dataset_free(plain);
}

/* ---- writer ---- */

static void test_write(void)
{
    dataset *ds = dataset_alloc(3, 2);
    double v[] = {0.1, -0.0, 1.0 / 3.0, 1e-5, 123456789.0, 0.30000000000000004};
    memcpy(ds->x, v, sizeof v);
    ds->y[0] = 1.0;
    char *mem = NULL;
    size_t len = 0;
    char err[MLP_ERRLEN];
    FILE *f = open_memstream(&mem, &len);
    CHECK(dataset_write_csv(ds, f, err) == MLP_OK);
    fclose(f);
    CHECK_STR(mem, "x1,x2,y\n0.1,-0,1\n0.3333333333333333,1e-05,0\n123456789,0.30000000000000004,0\n");
    free(mem);
    dataset_free(ds);

    /* d columns in the header */
    ds = dataset_alloc(1, 3);
    f = open_memstream(&mem, &len);
    CHECK(dataset_write_csv(ds, f, err) == MLP_OK);
    fclose(f);
    CHECK_STR(mem, "x1,x2,x3,y\n0,0,0,0\n");
    free(mem);
    dataset_free(ds);

    /* a write error is reported (where the system has /dev/full) */
    f = access("/dev/full", W_OK) == 0 ? fopen("/dev/full", "w") : NULL;
    if (f != NULL) {
        setvbuf(f, NULL, _IONBF, 0);
        ds = dataset_alloc(2, 2);
        CHECK(dataset_write_csv(ds, f, err) == MLP_EIO);
        CHECK_STR(err, "write failed: No space left on device");
        fclose(f);
        dataset_free(ds);
    }
}

/* write -> read gives back the same bits, for awkward doubles and many random ones */
static void test_round_trip(void)
{
    static const double special[] = {
        0.1, -0.0, 0.0, 1.0 / 3.0, 2.0 / 3.0, 5e-324, -5e-324, DBL_MIN, 1e10, -1e10,
        9999999999.999998, 1.0000000000000002, 0.30000000000000004, 123456789.12345679,
        5.551115123125783e-17, 1e-300, 9007199254740993.0 / 1e6, -0.7339748597070072};
    size_t ns = sizeof special / sizeof special[0];
    size_t n = ns + 5000;
    dataset *ds = dataset_alloc(n, 2);
    np_rng *g = np_rng_alloc(42);
    for (size_t i = 0; i < ns; i++) {
        ds->x[2 * i] = special[i];
        ds->x[2 * i + 1] = -special[ns - 1 - i];
        ds->y[i] = (double)(i % 2);
    }
    for (size_t i = ns; i < n; i++) {
        /* random mantissas over many exponents */
        ds->x[2 * i] = ldexp(np_rng_double(g), (int)np_rng_interval(g, 60) - 30);
        ds->x[2 * i + 1] = -np_rng_gauss(g);
        ds->y[i] = (double)np_rng_interval(g, 1);
    }
    np_rng_free(g);
    const char *p = tpath("round.csv");
    FILE *f = fopen(p, "w");
    char err[MLP_ERRLEN] = "";
    CHECK(f != NULL && dataset_write_csv(ds, f, err) == MLP_OK && fclose(f) == 0);
    dataset *back = NULL;
    CHECK_MSG(dataset_read_csv(p, &back, err) == MLP_OK, "%s", err);
    CHECK_MSG(same_dataset(ds, back), "round trip changed values");
    /* and no value is printed with more digits than it needs */
    char *text = slurp(p);
    CHECK(text != NULL && strstr(text, "\n0.1,") != NULL && strstr(text, "\n10000000000,") != NULL);
    free(text);
    dataset_free(ds);
    dataset_free(back);
}

/* ---- atomic output files ---- */

static int temp_files_left(void)
{
    return check_temp_files_in(tmpdir);
}

static void test_atomic(void)
{
    char err[MLP_ERRLEN] = "", want[MLP_ERRLEN * 2];
    const char *p = write_file("out.csv", "old\n", 4);

    /* commit replaces; until then the old file is what readers see */
    mode_t old_mask = umask(027);
    atomic_file *a = atomic_open(p, err);
    CHECK_MSG(a != NULL, "%s", err);
    if (a == NULL)
        return;
    fputs("new\n", a->f);
    fflush(a->f);
    char *s = slurp(p);
    CHECK_STR(s, "old\n");
    free(s);
    CHECK(temp_files_left() == 1);
    CHECK(atomic_commit(a, err) == MLP_OK);
    s = slurp(p);
    CHECK_STR(s, "new\n");
    free(s);
    CHECK(temp_files_left() == 0);
    /* the replacement keeps the replaced file's mode, whatever the umask */
    struct stat st;
    CHECK(stat(p, &st) == 0 && (st.st_mode & 0777) == (0666 & ~old_mask));
    umask(old_mask);

    /* abort leaves the previous file untouched */
    a = atomic_open(p, err);
    CHECK(a != NULL);
    fputs("half a fi", a->f);
    atomic_abort(a);
    s = slurp(p);
    CHECK_STR(s, "new\n");
    free(s);
    CHECK(temp_files_left() == 0);
    atomic_abort(NULL);

    /* a write error (here: the descriptor is gone) fails the commit */
    a = atomic_open(p, err);
    CHECK(a != NULL);
    fputs("lost\n", a->f);
    close(fileno(a->f));
    CHECK(atomic_commit(a, err) == MLP_EIO);
    snprintf(want, sizeof want, "%s: write failed: Bad file descriptor (%s left as it was)", p, p);
    CHECK_STR(err, want);
    s = slurp(p);
    CHECK_STR(s, "new\n");
    free(s);
    CHECK(temp_files_left() == 0);

    /* an earlier error recorded on the stream also fails it */
    a = atomic_open(p, err);
    CHECK(a != NULL);
    fputs("partial\n", a->f);
    fflush(a->f);
    int fd = fileno(a->f);
    int saved = dup(fd);
    close(fd);
    fputs("more\n", a->f);
    CHECK(fflush(a->f) != 0 && ferror(a->f));
    dup2(saved, fd); /* the descriptor works again, the error flag stays */
    close(saved);
    CHECK(atomic_commit(a, err) == MLP_EIO);
    snprintf(want, sizeof want, "%s: write failed: Input/output error (%s left as it was)", p, p);
    CHECK_STR(err, want);
    s = slurp(p);
    CHECK_STR(s, "new\n");
    free(s);
    CHECK(temp_files_left() == 0);

    /* a directory that does not exist */
    const char *q = tpath("nope/out.csv");
    CHECK(atomic_open(q, err) == NULL);
    snprintf(want, sizeof want, "%s: cannot create temporary file: No such file or directory", q);
    CHECK_STR(err, want);

    /* a device is written in place, not replaced, and its errors reported */
    if (access("/dev/full", W_OK) == 0) {
        a = atomic_open("/dev/full", err);
        CHECK(a != NULL);
        if (a != NULL) {
            fputs("x\n", a->f);
            CHECK(atomic_commit(a, err) == MLP_EIO);
            CHECK_STR(err, "/dev/full: write failed: No space left on device");
        }
        CHECK(stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode));
    }
    a = atomic_open("/dev/null", err);
    CHECK(a != NULL && (fputs("x\n", a->f), atomic_commit(a, err)) == MLP_OK);
    CHECK(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));

    /* "-" is stdout */
    a = atomic_open("-", err);
    CHECK(a != NULL && a->f == stdout);
    CHECK(atomic_commit(a, err) == MLP_OK);
}

static void test_check_dir(void)
{
    char err[MLP_ERRLEN] = "", want[MLP_ERRLEN * 2];
    CHECK(atomic_check_dir("-", err) == MLP_OK);
    /* no slash: the current directory */
    CHECK(atomic_check_dir("plain-name.csv", err) ==
          (access(".", W_OK | X_OK) == 0 ? MLP_OK : MLP_EIO));
    CHECK(atomic_check_dir("/dev/null", err) == MLP_OK);
    CHECK(atomic_check_dir(tpath("new.csv"), err) == MLP_OK);

    const char *p = tpath("nope/deeper/out.csv");
    CHECK(atomic_check_dir(p, err) == MLP_EIO);
    snprintf(want, sizeof want, "%s: directory \"%s/nope/deeper\" does not exist", p, tmpdir);
    CHECK_STR(err, want);

    write_file("file", "", 0);
    p = tpath("file/out.csv");
    CHECK(atomic_check_dir(p, err) == MLP_EIO);
    snprintf(want, sizeof want, "%s: \"%s/file\" is not a directory", p, tmpdir);
    CHECK_STR(err, want);

    CHECK(atomic_check_dir(tmpdir, err) == MLP_EIO);
    snprintf(want, sizeof want, "%s: is a directory", tmpdir);
    CHECK_STR(err, want);

    CHECK(atomic_check_dir("", err) == MLP_EIO);
    CHECK_STR(err, "\"\": empty file name");

    /* permission bits do not stop root: check only when they can */
    if (geteuid() != 0) {
        p = tpath("ro/out.csv");
        CHECK(mkdir(tpath("ro"), 0555) == 0);
        CHECK(atomic_check_dir(p, err) == MLP_EIO);
        snprintf(want, sizeof want, "%s: directory \"%s/ro\" is not writable", p, tmpdir);
        CHECK_STR(err, want);
        rmdir(tpath("ro"));
    }
}

static void cleanup(void)
{
    DIR *d = opendir(tmpdir);
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            unlink(tpath(e->d_name));
    if (d != NULL)
        closedir(d);
    rmdir(tmpdir);
}

int main(void)
{
    if (mkdtemp(tmpdir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    test_loader_errors();
    test_long_lines();
    test_loader_variants();
    test_write();
    test_round_trip();
    test_atomic();
    test_check_dir();
    cleanup();
    return check_done("dataset");
}
