/* <locale.h>: only the "C" locale exists; "" and "POSIX" name it, other names are refused. */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <string.h>
#include "test.h"

int main(void) {
  ASSERT(0, strcmp(setlocale(LC_ALL, NULL), "C"));
  ASSERT(0, strcmp(setlocale(LC_ALL, "C"), "C"));
  ASSERT(0, strcmp(setlocale(LC_NUMERIC, "POSIX"), "C"));
  ASSERT(0, strcmp(setlocale(LC_CTYPE, NULL), "C"));
  // the environment's locale: "C" here; gcc's build may see another, so only its success counts
  ASSERT(1, setlocale(LC_ALL, "") != NULL);
  ASSERT(0, strcmp(setlocale(LC_ALL, "C"), "C"));
  ASSERT(1, setlocale(LC_ALL, "xx_YY.NOPE") == NULL);
  errno = 0;
  ASSERT(1, setlocale(LC_ALL + 40, "C") == NULL);
  ASSERT(EINVAL, errno);
  ASSERT(1, setlocale(-1, NULL) == NULL);
  ASSERT(0, strcmp(setlocale(LC_ALL, NULL), "C"));

  int categories[] = {LC_CTYPE, LC_NUMERIC, LC_TIME, LC_COLLATE, LC_MONETARY, LC_MESSAGES, LC_ALL};
  for (int i = 0; i < 7; i++) printf("%d%c", categories[i], i < 6 ? ' ' : '\n');

  struct lconv *c = localeconv();
  printf("[%s][%s][%s][%s][%s][%s][%s][%s][%s][%s]\n", c->decimal_point, c->thousands_sep, c->grouping,
      c->int_curr_symbol, c->currency_symbol, c->mon_decimal_point, c->mon_thousands_sep, c->mon_grouping,
      c->positive_sign, c->negative_sign);
  char fields[] = {c->int_frac_digits, c->frac_digits, c->p_cs_precedes, c->p_sep_by_space, c->n_cs_precedes,
      c->n_sep_by_space, c->p_sign_posn, c->n_sign_posn, c->int_p_cs_precedes, c->int_p_sep_by_space,
      c->int_n_cs_precedes, c->int_n_sep_by_space, c->int_p_sign_posn, c->int_n_sign_posn};
  for (int i = 0; i < 14; i++) ASSERT(CHAR_MAX, fields[i]);
  ASSERT(1, localeconv() == c);
  printf("%d assertions\n", assertions);
  return 0;
}
