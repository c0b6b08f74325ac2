// getopt, short enough for the transformer: a permuted argv, an attached and a separate
// argument, an invalid option's message, and the operands after the options.
// status: 6
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
  int c;
  argv[0] = "p";
  while ((c = getopt(argc, argv, "ab:")) != -1) {
    putchar(c);
    if (optarg) fputs(optarg, stdout);
    putchar(' ');
  }
  for (int i = optind; i < argc; i++) fputs(argv[i], stdout);
  putchar('\n');
  return optind;
}
