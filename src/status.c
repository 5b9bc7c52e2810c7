#include "status.h"

#include <stdarg.h>
#include <stdio.h>

void mlp_seterr(char *err, const char *fmt, ...)
{
    if (err == NULL)
        return;
    char raw[MLP_ERRLEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    /* Messages quote user input (file names, option values, CSV fields); a
     * newline or escape sequence in it must not break the one-line message
     * or reach the terminal raw, so control bytes are shown as \n, \r, \xHH. */
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)raw; *p != '\0'; p++) {
        char esc[5];
        if (*p == '\n')
            snprintf(esc, sizeof esc, "\\n");
        else if (*p == '\r')
            snprintf(esc, sizeof esc, "\\r");
        else if (*p < 0x20 || *p == 0x7f)
            snprintf(esc, sizeof esc, "\\x%02X", *p);
        else {
            esc[0] = (char)*p;
            esc[1] = '\0';
        }
        size_t n = 0;
        while (esc[n] != '\0')
            n++;
        if (o + n >= MLP_ERRLEN)
            break;
        for (size_t i = 0; i < n; i++)
            err[o++] = esc[i];
    }
    err[o] = '\0';
}
