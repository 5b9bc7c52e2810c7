#include "fmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *fmt_double(char *buf, double v)
{
    /* compare bits, not values, so that -0.0 keeps its sign */
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, FMT_DOUBLE_LEN, "%.*g", prec, v);
        double back = strtod(buf, NULL);
        if (memcmp(&back, &v, sizeof v) == 0)
            break;
    }
    return buf;
}
