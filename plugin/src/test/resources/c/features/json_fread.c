#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
typedef enum { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } jtype;
typedef struct jval { jtype t; double num; int b; char *str; struct jval **items; char **keys; int n; } jval;
static const char *s;
static void ws(void) { while (isspace((unsigned char)*s)) s++; }
static jval *parse(void);
static jval *mk(jtype t) { jval *v = calloc(1, sizeof *v); v->t = t; return v; }
static char *pstr(void) { const char *b = ++s; while (*s && *s != '"') { if (*s == '\\') s++; s++; } size_t n = s - b; char *r = malloc(n + 1); memcpy(r, b, n); r[n] = 0; s++; return r; }
static jval *parse(void) {
  ws();
  if (*s == '{' || *s == '[') {
    int obj = *s == '{'; jval *v = mk(obj ? J_OBJ : J_ARR); s++; ws();
    while (*s && *s != (obj ? '}' : ']')) {
      v->items = realloc(v->items, sizeof *v->items * (v->n + 1));
      if (obj) { v->keys = realloc(v->keys, sizeof *v->keys * (v->n + 1)); ws(); v->keys[v->n] = pstr(); ws(); s++; }
      v->items[v->n++] = parse(); ws(); if (*s == ',') s++; ws();
    }
    s++; return v;
  }
  if (*s == '"') { jval *v = mk(J_STR); v->str = pstr(); return v; }
  if (!strncmp(s, "true", 4)) { s += 4; jval *v = mk(J_BOOL); v->b = 1; return v; }
  if (!strncmp(s, "false", 5)) { s += 5; return mk(J_BOOL); }
  if (!strncmp(s, "null", 4)) { s += 4; return mk(J_NULL); }
  char *e; jval *v = mk(J_NUM); v->num = strtod(s, &e); s = e; return v;
}
static void dump(const jval *v, int ind) {
  switch (v->t) {
    case J_NULL: printf("null"); break;
    case J_BOOL: printf(v->b ? "true" : "false"); break;
    case J_NUM: printf("%g", v->num); break;
    case J_STR: printf("\"%s\"", v->str); break;
    case J_ARR: case J_OBJ:
      printf(v->t == J_ARR ? "[\n" : "{\n");
      for (int i = 0; i < v->n; i++) { printf("%*s", ind + 2, ""); if (v->t == J_OBJ) printf("%s: ", v->keys[i]); dump(v->items[i], ind + 2); printf(i + 1 < v->n ? ",\n" : "\n"); }
      printf("%*s%c", ind, "", v->t == J_ARR ? ']' : '}');
  }
}
static double sum(const jval *v) { double t = v->t == J_NUM ? v->num : 0; for (int i = 0; i < v->n; i++) t += sum(v->items[i]); return t; }
int main(void) {
  char buf[2048]; size_t n = fread(buf, 1, sizeof buf - 1, stdin); buf[n] = 0;
  s = buf; jval *root = parse(); dump(root, 0); printf("\nsum=%.4f\n", sum(root));
  return 0;
}
