#ifndef _BYTESWAP_H
#define _BYTESWAP_H

/* glibc's byte swaps of 16, 32 and 64-bit values. */
#include <bits/byteswap.h>

#define bswap_16(x) __bswap_16(x)
#define bswap_32(x) __bswap_32(x)
#define bswap_64(x) __bswap_64(x)

#endif
