/* __attribute__((packed)) on structs, unions and members, bit-fields included, as gcc lays them out. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct __attribute__((packed)) header {
  unsigned char kind;
  unsigned int length;
  unsigned short port;
  double ratio;
  long long big;
};

struct plain { char c; struct header h; char tail; };

struct bits {
  unsigned a : 3;
  unsigned b : 7;
  int c : 20;
  unsigned char d : 2;
  long long e : 40;
  _Bool f : 1;
  unsigned int g : 32;
  short h : 9;
} __attribute__((packed));

struct member_packed { char c; int i __attribute__((packed)); short s; };
struct __attribute__((packed, aligned(4))) both { char c; int i; };
union __attribute__((packed)) pu { char c; int i; double d; };
struct __attribute__((packed)) flags { unsigned char x : 4, y : 4; unsigned short len : 12, kind : 4; };
struct __attribute__((packed)) with_zero { char c; int : 0; char d; };

static struct bits table[2] = {{5, 100, -12345, 3, -123456789012LL, 1, 4000000000u, -200},
                               {1, 2, 3, 1, 5, 0, 7, 8}};

static struct header make(int k) {
  struct header h = {(unsigned char)k, 1000u * (unsigned)k, (unsigned short)(k + 1), k / 4.0, -7LL * k};
  return h;
}

static long long sum(struct header h) { return h.kind + h.length + h.port + (long long)(h.ratio * 8) + h.big; }

static void show_bits(const struct bits *p) {
  printf("bits %u %u %d %u %lld %d %u %d\n", p->a, p->b, p->c, p->d, (long long)p->e, p->f, p->g, p->h);
}

int main(void) {
  printf("header size %zu align %zu offsets %zu %zu %zu %zu\n", sizeof(struct header), _Alignof(struct header),
      offsetof(struct header, length), offsetof(struct header, port), offsetof(struct header, ratio),
      offsetof(struct header, big));
  printf("plain size %zu offsets %zu %zu\n", sizeof(struct plain), offsetof(struct plain, h), offsetof(struct plain, tail));
  printf("bits size %zu align %zu\n", sizeof(struct bits), _Alignof(struct bits));
  printf("member_packed size %zu offsets %zu %zu\n", sizeof(struct member_packed), offsetof(struct member_packed, i),
      offsetof(struct member_packed, s));
  printf("both size %zu align %zu, union %zu %zu, flags %zu, with_zero %zu %zu\n", sizeof(struct both),
      _Alignof(struct both), sizeof(union pu), _Alignof(union pu), sizeof(struct flags), sizeof(struct with_zero),
      offsetof(struct with_zero, d));

  struct header arr[3];
  for (int k = 0; k < 3; k++) arr[k] = make(k + 1);
  long long total = 0;
  for (int k = 0; k < 3; k++) total += sum(arr[k]);
  struct plain p = {'x', make(9), 'y'};
  p.h.length += 5;
  p.h.big <<= 3;
  printf("headers %lld, plain %c %u %lld %g %c\n", total, p.c, p.h.length, p.h.big, p.h.ratio, p.tail);

  show_bits(&table[0]);
  show_bits(&table[1]);
  struct bits b = table[0];
  b.a = 9;          /* truncated to 3 bits */
  b.c = b.c * 2 + 1;
  b.e += 1000000;
  b.g -= 1;
  b.h = -b.h;
  b.b++;
  show_bits(&b);
  int n = (b.d += 2);
  printf("assign value %d %u\n", n, b.d);

  struct member_packed m = {'m', 0x12345678, -3};
  int i;
  memcpy(&i, (char *)&m + offsetof(struct member_packed, i), sizeof i);
  printf("member_packed %c %x %d %x\n", m.c, m.i, m.s, i);

  union pu u;
  u.d = 2.5;
  printf("union %g\n", u.d);
  struct flags f = {3, 12, 4095, 9};
  f.len -= 1;
  unsigned char raw[sizeof f];
  memcpy(raw, &f, sizeof f);
  printf("flags %u %u %u %u bytes", f.x, f.y, f.len, f.kind);
  for (size_t k = 0; k < sizeof f; k++) printf(" %02x", raw[k]);
  printf("\n");
  return 0;
}
