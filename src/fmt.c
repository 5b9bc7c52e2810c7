#include "fmt.h"

#include <stdio.h>
#include <stdlib.h>

char *fmt_double(char *buf, double v)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, FMT_DOUBLE_LEN, "%.*g", prec, v);
        if (prec == 17 || strtod(buf, NULL) == v)
            break;
    }
    return buf;
}
