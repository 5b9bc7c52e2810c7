#include "status.h"

#include <stdarg.h>
#include <stdio.h>

void mlp_seterr(char *err, const char *fmt, ...)
{
    if (err == NULL)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, MLP_ERRLEN, fmt, ap);
    va_end(ap);
}
