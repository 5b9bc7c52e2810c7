/* sweep_parse_seeds: the --seeds lists. */
#include <stdlib.h>

#include "check.h"
#include "status.h"
#include "sweep_cli.h"

static int parses_to(const char *s, const uint32_t *want, size_t n)
{
    uint32_t *got;
    size_t m;
    const char *why;
    if (sweep_parse_seeds(s, &got, &m, &why) != MLP_OK)
        return 0;
    int ok = m == n && memcmp(got, want, n * sizeof *want) == 0;
    free(got);
    return ok;
}

static const char *refusal(const char *s)
{
    uint32_t *got;
    size_t m;
    const char *why = NULL;
    if (sweep_parse_seeds(s, &got, &m, &why) == MLP_OK) {
        free(got);
        return "accepted";
    }
    return why;
}

int main(void)
{
    CHECK(parses_to("7", (uint32_t[]){7}, 1));
    CHECK(parses_to("1-5", (uint32_t[]){1, 2, 3, 4, 5}, 5));
    CHECK(parses_to("3,1,10-12", (uint32_t[]){3, 1, 10, 11, 12}, 5)); /* order kept */
    CHECK(parses_to("0", (uint32_t[]){0}, 1));
    CHECK(parses_to("4294967294-4294967295", (uint32_t[]){4294967294u, 4294967295u}, 2));
    uint32_t *big;
    size_t n;
    const char *why;
    CHECK(sweep_parse_seeds("1-100", &big, &n, &why) == MLP_OK && n == 100 && big[99] == 100);
    free(big);
    CHECK_STR(refusal(""), "empty value");
    CHECK_STR(refusal("1,,2"), "empty item");
    CHECK_STR(refusal("5-1"), "range A-B with A > B");
    CHECK_STR(refusal("1-3,3"), "a seed is repeated (its runs would be identical)");
    CHECK_STR(refusal("-1"), "empty value");
    CHECK_STR(refusal("a"), "not a whole number");
    CHECK_STR(refusal("4294967296"), "out of range");
    CHECK_STR(refusal("0-4294967295"), "too many seeds");
    return check_done("seeds");
}
