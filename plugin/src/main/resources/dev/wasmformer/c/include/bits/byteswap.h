#ifndef _BITS_BYTESWAP_H
#define _BITS_BYTESWAP_H

/* The byte swaps behind <byteswap.h> and <endian.h>: functions, so an argument is evaluated once. */
static inline unsigned short __bswap_16(unsigned short x) {
  return (unsigned short)(x >> 8 | x << 8);
}

static inline unsigned int __bswap_32(unsigned int x) {
  return x >> 24 | (x >> 8 & 0xff00u) | (x << 8 & 0xff0000u) | x << 24;
}

static inline unsigned long long __bswap_64(unsigned long long x) {
  return (unsigned long long)__bswap_32((unsigned int)x) << 32 | __bswap_32((unsigned int)(x >> 32));
}

#endif
