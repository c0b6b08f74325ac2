/*
 * getopt, getopt_long and getopt_long_only as glibc's: the same results, the same state in
 * optind, optarg and optopt, the same messages on stderr, and the same order of argv at the end.
 *
 * By default the options are taken from anywhere in argv, which is permuted as they are read:
 * the options (with their arguments) move before the operands, each group keeping its order, so
 * that when getopt returns -1 argv[optind] is the first operand. An optstring beginning with '+'
 * stops at the first operand (POSIX's order; getenv finds no POSIXLY_CORRECT in a run), one
 * beginning with '-' returns each operand as the option 1 with optarg. A ':' after that makes
 * getopt quiet and return ':' for a missing argument; "--" ends the options.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *optarg;
int optind = 1;
int opterr = 1;
int optopt = '?';

enum { PERMUTE, REQUIRE_ORDER, RETURN_IN_ORDER };

static int initialized;
static int ordering;
static char *nextchar;     /* the rest of a cluster of short options, or NULL */
static int first_nonopt;   /* argv[first_nonopt .. last_nonopt) are operands skipped so far */
static int last_nonopt;

static int is_operand(const char *arg) {
  return arg[0] != '-' || arg[1] == '\0';
}

static void reverse(char **argv, int from, int to) {
  while (from < --to) {
    char *t = argv[from];
    argv[from++] = argv[to];
    argv[to] = t;
  }
}

/* Moves the skipped operands after the options read since: two adjacent blocks change places. */
static void exchange(char **argv) {
  reverse(argv, first_nonopt, last_nonopt);
  reverse(argv, last_nonopt, optind);
  reverse(argv, first_nonopt, optind);
  first_nonopt += optind - last_nonopt;
  last_nonopt = optind;
}

/* "prog: what 'prefix name'\n" and its variants, built from pieces */
static void say(const char *prog, const char *what, const char *prefix, const char *name, const char *after) {
  fputs(prog, stderr);
  fputs(": ", stderr);
  fputs(what, stderr);
  fputs(" '", stderr);
  fputs(prefix, stderr);
  fputs(name, stderr);
  fputs("'", stderr);
  fputs(after, stderr);
}

static void say_short(const char *prog, const char *what, int c) {
  char s[2] = {(char)c, 0};
  fputs(prog, stderr);
  fputs(": ", stderr);
  fputs(what, stderr);
  fputs(" -- '", stderr);
  fputs(s, stderr);
  fputs("'\n", stderr);
}

/*
 * The long option at nextchar (after prefix "--", "-" or "-W "): an exact name, or else an
 * abbreviation of exactly one (or of several that would all do the same). -1 when long_only
 * finds none and the word may be short options.
 */
static int long_option(int argc, char **argv, const char *optstring, const struct option *longopts, int *longindex,
                       int long_only, int print_errors, const char *prefix) {
  char *nameend = nextchar;
  while (*nameend && *nameend != '=') nameend++;
  size_t namelen = (size_t)(nameend - nextchar);
  const struct option *found = NULL;
  int index = -1;
  int count = 0;
  for (const struct option *p = longopts; p->name; p++, count++) {
    if (found == NULL && strncmp(p->name, nextchar, namelen) == 0 && strlen(p->name) == namelen) {
      found = p;
      index = count;
    }
  }
  if (found == NULL) {
    int ambiguous = 0;
    for (int i = 0; i < count; i++) {
      const struct option *p = &longopts[i];
      if (strncmp(p->name, nextchar, namelen) != 0) continue;
      if (found == NULL) {
        found = p;
        index = i;
      } else if (long_only || found->has_arg != p->has_arg || found->flag != p->flag || found->val != p->val) {
        ambiguous = 1;
      }
    }
    if (ambiguous) {
      if (print_errors) {
        say(argv[0], "option", prefix, nextchar, " is ambiguous; possibilities:");
        for (int i = 0; i < count; i++) {
          const struct option *p = &longopts[i];
          if (strncmp(p->name, nextchar, namelen) != 0) continue;
          // the first match, and each later one that differs from it, as glibc lists them
          if (i != index && !long_only && found->has_arg == p->has_arg && found->flag == p->flag
              && found->val == p->val) {
            continue;
          }
          fputs(" '", stderr);
          fputs(prefix, stderr);
          fputs(p->name, stderr);
          fputs("'", stderr);
        }
        fputs("\n", stderr);
      }
      nextchar += strlen(nextchar);
      optind++;
      optopt = 0;
      return '?';
    }
  }
  if (found == NULL) {
    if (!long_only || argv[optind][1] == '-' || strchr(optstring, *nextchar) == NULL) {
      if (print_errors) say(argv[0], "unrecognized option", prefix, nextchar, "\n");
      nextchar = NULL;
      optind++;
      optopt = 0;
      return '?';
    }
    return -1;
  }
  optind++;
  nextchar = NULL;
  if (*nameend) {
    if (found->has_arg == no_argument) {
      if (print_errors) say(argv[0], "option", prefix, found->name, " doesn't allow an argument\n");
      optopt = found->val;
      return '?';
    }
    optarg = nameend + 1;
  } else if (found->has_arg == required_argument) {
    if (optind >= argc) {
      if (print_errors) say(argv[0], "option", prefix, found->name, " requires an argument\n");
      optopt = found->val;
      return optstring[0] == ':' ? ':' : '?';
    }
    optarg = argv[optind++];
  }
  if (longindex) *longindex = index;
  if (found->flag) {
    *found->flag = found->val;
    return 0;
  }
  return found->val;
}

static int next_option(int argc, char *const argv_in[], const char *optstring, const struct option *longopts,
                       int *longindex, int long_only) {
  char **argv = (char **)argv_in; /* permuted in place, as glibc's */
  int print_errors = opterr;
  if (argc < 1) return -1;
  optarg = NULL;
  if (optind == 0 || !initialized) {
    if (optind == 0) optind = 1;
    first_nonopt = last_nonopt = optind;
    nextchar = NULL;
    ordering = optstring[0] == '-' ? RETURN_IN_ORDER
        : optstring[0] == '+' || getenv("POSIXLY_CORRECT") != NULL ? REQUIRE_ORDER : PERMUTE;
    initialized = 1;
  }
  if (optstring[0] == '-' || optstring[0] == '+') optstring++;
  if (optstring[0] == ':') print_errors = 0;

  if (nextchar == NULL || *nextchar == '\0') {
    // the next word of argv
    if (last_nonopt > optind) last_nonopt = optind;
    if (first_nonopt > optind) first_nonopt = optind;
    if (ordering == PERMUTE) {
      if (first_nonopt != last_nonopt && last_nonopt != optind) {
        exchange(argv);
      } else if (last_nonopt != optind) {
        first_nonopt = optind;
      }
      while (optind < argc && is_operand(argv[optind])) optind++;
      last_nonopt = optind;
    }
    if (optind != argc && strcmp(argv[optind], "--") == 0) {
      optind++;
      if (first_nonopt != last_nonopt && last_nonopt != optind) {
        exchange(argv);
      } else if (first_nonopt == last_nonopt) {
        first_nonopt = optind;
      }
      last_nonopt = argc;
      optind = argc;
    }
    if (optind == argc) {
      // the skipped operands, now after the options, are where optind points
      if (first_nonopt != last_nonopt) optind = first_nonopt;
      return -1;
    }
    if (is_operand(argv[optind])) {
      if (ordering == REQUIRE_ORDER) return -1;
      optarg = argv[optind++];
      return 1;
    }
    if (longopts != NULL) {
      if (argv[optind][1] == '-') {
        nextchar = argv[optind] + 2;
        return long_option(argc, argv, optstring, longopts, longindex, long_only, print_errors, "--");
      }
      if (long_only && (argv[optind][2] != '\0' || strchr(optstring, argv[optind][1]) == NULL)) {
        nextchar = argv[optind] + 1;
        int code = long_option(argc, argv, optstring, longopts, longindex, long_only, print_errors, "-");
        if (code != -1) return code;
      }
    }
    nextchar = argv[optind] + 1;
  }

  char c = *nextchar++;
  const char *spec = strchr(optstring, c);
  if (*nextchar == '\0') optind++;
  if (spec == NULL || c == ':' || c == ';') {
    if (print_errors) say_short(argv[0], "invalid option", c);
    optopt = c;
    return '?';
  }
  if (spec[0] == 'W' && spec[1] == ';' && longopts != NULL) {
    // "-W name" is "--name"
    if (*nextchar != '\0') {
      optarg = nextchar;
    } else if (optind == argc) {
      if (print_errors) say_short(argv[0], "option requires an argument", c);
      optopt = c;
      return optstring[0] == ':' ? ':' : '?';
    } else {
      optarg = argv[optind];
    }
    nextchar = optarg;
    optarg = NULL;
    return long_option(argc, argv, optstring, longopts, longindex, 0, print_errors, "-W ");
  }
  if (spec[1] == ':') {
    if (spec[2] == ':') {
      // an optional argument is only the rest of the word
      if (*nextchar != '\0') {
        optarg = nextchar;
        optind++;
      } else {
        optarg = NULL;
      }
    } else if (*nextchar != '\0') {
      optarg = nextchar;
      optind++;
    } else if (optind == argc) {
      if (print_errors) say_short(argv[0], "option requires an argument", c);
      optopt = c;
      c = optstring[0] == ':' ? ':' : '?';
    } else {
      optarg = argv[optind++];
    }
    nextchar = NULL;
  }
  return c;
}

int getopt(int argc, char *const argv[], const char *optstring) {
  return next_option(argc, argv, optstring, NULL, NULL, 0);
}

int getopt_long(int argc, char *const argv[], const char *optstring, const struct option *longopts, int *longindex) {
  return next_option(argc, argv, optstring, longopts, longindex, 0);
}

int getopt_long_only(int argc, char *const argv[], const char *optstring, const struct option *longopts,
                     int *longindex) {
  return next_option(argc, argv, optstring, longopts, longindex, 1);
}
