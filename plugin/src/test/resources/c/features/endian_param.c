// <byteswap.h>, <endian.h>, <sys/param.h>, <malloc.h> and <memory.h> as glibc's.
#include <byteswap.h>
#include <endian.h>
#include <malloc.h>
#include <memory.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/param.h>

static int calls;

static uint32_t next(void) {
  calls++;
  return 0x11223344u;
}

int main(void) {
  printf("%04x %08x %016llx\n", bswap_16(0x1234), bswap_32(0x12345678u), (unsigned long long)bswap_64(0x0102030405060708ull));
  uint32_t swapped = bswap_32(next());
  printf("%08x calls %d\n", swapped, calls);
  printf("order %d little %d big %d pdp %d\n", BYTE_ORDER, LITTLE_ENDIAN, BIG_ENDIAN, PDP_ENDIAN);
  printf("%d\n", __BYTE_ORDER == __LITTLE_ENDIAN);
  uint32_t x = 0xA1B2C3D4u;
  unsigned char bytes[4];
  uint32_t be = htobe32(x);
  memcpy(bytes, &be, 4);
  printf("big-endian bytes %02x %02x %02x %02x\n", bytes[0], bytes[1], bytes[2], bytes[3]);
  uint32_t le = htole32(x);
  memcpy(bytes, &le, 4);
  printf("little-endian bytes %02x %02x %02x %02x\n", bytes[0], bytes[1], bytes[2], bytes[3]);
  printf("%04x %04x %04x %04x\n", htobe16(0xBEEF), htole16(0xBEEF), be16toh(0xEFBE), le16toh(0xBEEF));
  printf("%08x %08x\n", be32toh(be), le32toh(le));
  printf("%016llx %016llx %016llx\n", (unsigned long long)htobe64(0x1122334455667788ull),
         (unsigned long long)be64toh(htobe64(0x1122334455667788ull)), (unsigned long long)le64toh(htole64(42ull)));
  printf("sizes %zu %zu %zu\n", sizeof(bswap_16(1)), sizeof(bswap_32(1)), sizeof(bswap_64(1)));

  printf("MIN %d MAX %d\n", MIN(3, -4), MAX(3, -4));
  printf("howmany %d %d roundup %d %d\n", howmany(10, 4), howmany(12, 4), roundup(10, 4), roundup(12, 4));
  printf("powerof2 %d %d %d\n", powerof2(64), powerof2(96), powerof2(1));
  unsigned char set[4] = {0};
  setbit(set, 3);
  setbit(set, 17);
  clrbit(set, 3);
  printf("bits %d %d %d %d\n", isset(set, 17) != 0, isset(set, 3) != 0, isclr(set, 3), NBBY);
  printf("MAXPATHLEN %d MAXHOSTNAMELEN %d NOFILE %d DEV_BSIZE %d\n", MAXPATHLEN, MAXHOSTNAMELEN, NOFILE, DEV_BSIZE);
#ifdef HZ // Linux's (wasi-libc has none)
  printf("HZ %d\n", HZ);
#endif

  char *p = malloc(20);
  printf("usable at least 20: %d, null 0: %d\n", malloc_usable_size(p) >= 20, (int)malloc_usable_size(NULL));
  p = realloc(p, 100);
  memset(p, 'x', 100);
  printf("usable at least 100: %d\n", malloc_usable_size(p) >= 100);
  free(p);
  return 0;
}
