#ifndef _STRINGS_H
#define _STRINGS_H

/* POSIX's <strings.h>: the case-insensitive comparisons (defined with <string.h>'s functions). */
#include <stddef.h>

int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);

#endif
