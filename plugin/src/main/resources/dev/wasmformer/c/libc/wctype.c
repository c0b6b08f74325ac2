/* <wctype.h>: glibc's "C" locale classes, which are ASCII's, so each is its <ctype.h> function
   (which is false, and maps nothing, outside ASCII; WEOF becomes -1, EOF). */
#include <ctype.h>
#include <string.h>
#include <wctype.h>

int iswalnum(wint_t c) { return isalnum((int)c); }
int iswalpha(wint_t c) { return isalpha((int)c); }
int iswblank(wint_t c) { return isblank((int)c); }
int iswcntrl(wint_t c) { return iscntrl((int)c); }
int iswdigit(wint_t c) { return isdigit((int)c); }
int iswgraph(wint_t c) { return isgraph((int)c); }
int iswlower(wint_t c) { return islower((int)c); }
int iswprint(wint_t c) { return isprint((int)c); }
int iswpunct(wint_t c) { return ispunct((int)c); }
int iswspace(wint_t c) { return isspace((int)c); }
int iswupper(wint_t c) { return isupper((int)c); }
int iswxdigit(wint_t c) { return isxdigit((int)c); }
wint_t towlower(wint_t c) { return (wint_t)tolower((int)c); }
wint_t towupper(wint_t c) { return (wint_t)toupper((int)c); }

/* A class is its position in this list, from 1; 0 names none. */
static const char *const classes[] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph",
                                      "lower", "print", "punct", "space", "upper", "xdigit"};

wctype_t wctype(const char *name) {
  for (wctype_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
    if (strcmp(name, classes[i]) == 0) return i + 1;
  }
  return 0;
}

int iswctype(wint_t c, wctype_t type) {
  switch (type) {
    case 1: return iswalnum(c);
    case 2: return iswalpha(c);
    case 3: return iswblank(c);
    case 4: return iswcntrl(c);
    case 5: return iswdigit(c);
    case 6: return iswgraph(c);
    case 7: return iswlower(c);
    case 8: return iswprint(c);
    case 9: return iswpunct(c);
    case 10: return iswspace(c);
    case 11: return iswupper(c);
    case 12: return iswxdigit(c);
    default: return 0;
  }
}

/* 1 is "tolower", 2 "toupper" */
wctrans_t wctrans(const char *name) {
  return strcmp(name, "tolower") == 0 ? 1 : strcmp(name, "toupper") == 0 ? 2 : 0;
}

wint_t towctrans(wint_t c, wctrans_t mapping) {
  return mapping == 1 ? towlower(c) : mapping == 2 ? towupper(c) : c;
}
