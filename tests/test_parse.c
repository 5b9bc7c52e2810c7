/* The strict option parsers: what they accept, what they refuse and why. */
#include <float.h>
#include <string.h>

#include "check.h"
#include "parse.h"
#include "status.h"

#define ULONG_OK(s, lo, hi, want)                                              \
    do {                                                                       \
        unsigned long v_ = 12345;                                              \
        const char *w_ = NULL;                                                 \
        CHECK_MSG(parse_ulong(s, lo, hi, &v_, &w_) == MLP_OK && v_ == (want),  \
                  "\"%s\": got %lu (%s)", s, v_, w_ ? w_ : "ok");              \
    } while (0)
#define ULONG_BAD(s, lo, hi, why)                                              \
    do {                                                                       \
        unsigned long v_ = 12345;                                              \
        const char *w_ = NULL;                                                 \
        CHECK_MSG(parse_ulong(s, lo, hi, &v_, &w_) == MLP_EINVAL && v_ == 12345, \
                  "\"%s\" accepted", (s) ? (const char *)(s) : "(null)");                                       \
        CHECK_STR(w_, why);                                                    \
    } while (0)
#define DOUBLE_OK(s, lo, hi, want)                                             \
    do {                                                                       \
        double v_ = -7;                                                        \
        const char *w_ = NULL;                                                 \
        CHECK_MSG(parse_double(s, lo, hi, &v_, &w_) == MLP_OK && v_ == (want), \
                  "\"%s\": got %g (%s)", s, v_, w_ ? w_ : "ok");               \
    } while (0)
#define DOUBLE_BAD(s, lo, hi, why)                                             \
    do {                                                                       \
        double v_ = -7;                                                        \
        const char *w_ = NULL;                                                 \
        CHECK_MSG(parse_double(s, lo, hi, &v_, &w_) == MLP_EINVAL && v_ == -7, \
                  "\"%s\" accepted", (s) ? (const char *)(s) : "(null)");                                       \
        CHECK_STR(w_, why);                                                    \
    } while (0)

static void test_ulong(void)
{
    const unsigned long U32 = 4294967295UL;
    ULONG_OK("0", 0, U32, 0);
    ULONG_OK("1", 0, U32, 1);
    ULONG_OK("007", 0, U32, 7);
    ULONG_OK("4294967295", 0, U32, U32);
    ULONG_BAD("4294967296", 0, U32, "out of range");
    ULONG_BAD("99999999999999999999999999", 0, U32, "out of range");
    ULONG_BAD("0", 1, 10, "out of range");
    ULONG_BAD("11", 1, 10, "out of range");
    ULONG_BAD("", 0, U32, "empty value");
    ULONG_BAD(NULL, 0, U32, "empty value");
    ULONG_BAD("-1", 0, U32, "not a whole number"); /* strtoul would give ULONG_MAX */
    ULONG_BAD("+1", 0, U32, "not a whole number");
    ULONG_BAD(" 1", 0, U32, "not a whole number");
    ULONG_BAD("1 ", 0, U32, "not a whole number");
    ULONG_BAD("12x", 0, U32, "not a whole number");
    ULONG_BAD("1.0", 0, U32, "not a whole number");
    ULONG_BAD("1e3", 0, U32, "not a whole number");
    ULONG_BAD("0x10", 0, U32, "not a whole number");
}

static void test_double(void)
{
    DOUBLE_OK("0", 0, 1, 0.0);
    DOUBLE_OK("0.1", 0, 1, 0.1);
    DOUBLE_OK("1", 0, 1, 1.0);
    DOUBLE_OK("-2.5e-3", -1, 1, -2.5e-3);
    DOUBLE_OK(".5", 0, 1, 0.5);
    DOUBLE_OK("1e-400", 0, 1, 0.0); /* underflow rounds to 0: a fine answer */
    DOUBLE_BAD("1.0000001", 0, 1, "out of range");
    DOUBLE_BAD("-0.1", 0, 1, "out of range");
    DOUBLE_BAD("1e400", 0, DBL_MAX, "out of range");
    DOUBLE_BAD("-1e400", -DBL_MAX, DBL_MAX, "out of range");
    DOUBLE_BAD("nan", -DBL_MAX, DBL_MAX, "not a finite number");
    DOUBLE_BAD("inf", -DBL_MAX, DBL_MAX, "not a finite number");
    DOUBLE_BAD("-Infinity", -DBL_MAX, DBL_MAX, "not a finite number");
    DOUBLE_BAD("", 0, 1, "empty value");
    DOUBLE_BAD(NULL, 0, 1, "empty value");
    DOUBLE_BAD(" 0.5", 0, 1, "not a number");
    DOUBLE_BAD("0.5 ", 0, 1, "not a number");
    DOUBLE_BAD("0.5x", 0, 1, "not a number");
    DOUBLE_BAD("abc", 0, 1, "not a number");
    DOUBLE_BAD("-", 0, 1, "not a number");
    DOUBLE_BAD("0,5", 0, 1, "not a number");
}

static void test_pair(void)
{
    double a = 9, b = 9;
    const char *why = NULL;
    CHECK(parse_double_pair("-1,1", -10, 10, &a, &b, &why) == MLP_OK && a == -1 && b == 1);
    CHECK(parse_double_pair("0,0.5", -10, 10, &a, &b, &why) == MLP_OK && a == 0 && b == 0.5);
    struct {
        const char *s, *why;
    } bad[] = {
        {"", "empty value"},
        {"1", "not two numbers separated by a comma"},
        {"1,2,3", "not two numbers separated by a comma"},
        {",1", "empty value"},
        {"1,", "empty value"},
        {"a,1", "not a number"},
        {"0, 1", "not a number"},
        {"nan,1", "not a finite number"},
        {"1,1", "first value not less than the second"},
        {"2,1", "first value not less than the second"},
        {"-11,1", "out of range"},
        {"0,11", "out of range"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        a = b = 9;
        why = NULL;
        CHECK_MSG(parse_double_pair(bad[i].s, -10, 10, &a, &b, &why) == MLP_EINVAL && a == 9 &&
                      b == 9,
                  "\"%s\" accepted", bad[i].s);
        CHECK_STR(why, bad[i].why);
    }
}

static void test_message(void)
{
    char err[MLP_ERRLEN];
    parse_seterr(err, "circles", "--seed", "-1", "not a whole number", "0..4294967295");
    CHECK_STR(err, "circles: --seed: -1: not a whole number (allowed 0..4294967295)");
    parse_seterr(err, "circles", "--seed", "", "empty value", "0..4294967295");
    CHECK_STR(err, "circles: --seed: \"\": empty value (allowed 0..4294967295)");
}

static void test_file_arg(void)
{
    char err[MLP_ERRLEN] = "";
    CHECK(parse_file_arg(err, "p", "--csv", "h.csv", "a file name or -") == MLP_OK);
    CHECK(parse_file_arg(err, "p", "--csv", "-", "a file name or -") == MLP_OK);
    CHECK(parse_file_arg(err, "p", "--csv", "./-v", "a file name or -") == MLP_OK);
    CHECK(parse_file_arg(err, "p", "--csv", "a-b", "a file name or -") == MLP_OK);
    CHECK_STR(err, "");
    CHECK(parse_file_arg(err, "p", "--csv", "", "a file name or -") == MLP_EINVAL);
    CHECK_STR(err, "p: --csv: \"\": empty value (allowed a file name or -)");
    CHECK(parse_file_arg(err, "p", "--csv", "-v", "a file name or -") == MLP_EINVAL);
    CHECK_STR(err, "p: --csv: -v: looks like an option, not a file name (allowed a file name or "
                   "-; write ./-v for a file of that name)");
    CHECK(parse_file_arg(err, "p", "--csv", "--", "a file name or -") == MLP_EINVAL);
    CHECK_STR(err, "p: --csv: --: looks like an option, not a file name (allowed a file name or "
                   "-; write ./-- for a file of that name)");
    char long_name[80];
    memset(long_name, 'x', sizeof long_name - 1);
    long_name[0] = '-';
    long_name[sizeof long_name - 1] = '\0';
    CHECK(parse_file_arg(err, "p", "--csv", long_name, "a file name") == MLP_EINVAL);
    CHECK_STR(err, "p: --csv: -xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...: "
                   "looks like an option, not a file name (allowed a file name; prefix ./ for a "
                   "file of that name)");
}

int main(void)
{
    test_ulong();
    test_double();
    test_pair();
    test_message();
    test_file_arg();
    return check_done("parse");
}
