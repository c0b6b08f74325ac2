// malloc/free (wasi-libc's dlmalloc, which grows memory with memory.grow) and string functions.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
  struct node *next;
  char *text;
};

int main(void) {
  static const char *words[] = {"pear", "fig", "banana", "kiwi", "plum"};
  struct node *list = NULL;
  for (int i = 0; i < 5; i++) {
    struct node *n = malloc(sizeof *n);
    n->text = malloc(strlen(words[i]) + 2);
    strcpy(n->text, words[i]);
    strcat(n->text, i % 2 ? "!" : "?");
    n->next = list;
    list = n;
  }
  char *big = calloc(5000, 1);
  memset(big, 'z', 4999);
  int total = (int) strlen(big);
  free(big);
  int count = 0;
  while (list) {
    struct node *next = list->next;
    puts(list->text);
    free(list->text);
    free(list);
    list = next;
    count++;
  }
  return count + (total == 4999 ? 100 : 0);
}
