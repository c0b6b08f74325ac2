/* A tiny expression calculator: a tokenizer, a recursive-descent parser and an evaluator. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { NUM, ADD, SUB, MUL, DIV, NEG } kind;

typedef struct node {
  kind k;
  long value;
  struct node *left, *right;
} node;

static const char *src;

static node *make(kind k, long value, node *left, node *right) {
  node *n = malloc(sizeof *n);
  n->k = k;
  n->value = value;
  n->left = left;
  n->right = right;
  return n;
}

static void skip(void) {
  while (isspace((unsigned char)*src)) src++;
}

static node *expr(void);

static node *primary(void) {
  skip();
  if (*src == '(') {
    src++;
    node *n = expr();
    skip();
    if (*src == ')') src++;
    return n;
  }
  if (*src == '-') {
    src++;
    return make(NEG, 0, primary(), NULL);
  }
  char *end;
  long v = strtol(src, &end, 10);
  src = end;
  return make(NUM, v, NULL, NULL);
}

static node *term(void) {
  node *n = primary();
  for (;;) {
    skip();
    if (*src == '*') {
      src++;
      n = make(MUL, 0, n, primary());
    } else if (*src == '/') {
      src++;
      n = make(DIV, 0, n, primary());
    } else {
      return n;
    }
  }
}

static node *expr(void) {
  node *n = term();
  for (;;) {
    skip();
    if (*src == '+') {
      src++;
      n = make(ADD, 0, n, term());
    } else if (*src == '-') {
      src++;
      n = make(SUB, 0, n, term());
    } else {
      return n;
    }
  }
}

static long eval(const node *n) {
  switch (n->k) {
    case NUM: return n->value;
    case ADD: return eval(n->left) + eval(n->right);
    case SUB: return eval(n->left) - eval(n->right);
    case MUL: return eval(n->left) * eval(n->right);
    case DIV: return eval(n->left) / eval(n->right);
    case NEG: return -eval(n->left);
  }
  return 0;
}

static void release(node *n) {
  if (!n) return;
  release(n->left);
  release(n->right);
  free(n);
}

static void print(const node *n, char *out) {
  static const char ops[] = "N+-*/~";
  if (n->k == NUM) {
    sprintf(out + strlen(out), "%ld", n->value);
    return;
  }
  strcat(out, "(");
  if (n->k == NEG) {
    strcat(out, "-");
    print(n->left, out);
  } else {
    print(n->left, out);
    sprintf(out + strlen(out), " %c ", ops[n->k]);
    print(n->right, out);
  }
  strcat(out, ")");
}

int main(void) {
  const char *inputs[] = {"1 + 2 * 3", "(1 + 2) * 3", "100 / 7 - -3", "2 * (3 + 4) * (5 - 1) / 2", "-(-(8))"};
  for (int i = 0; i < 5; i++) {
    src = inputs[i];
    node *tree = expr();
    char text[128] = "";
    print(tree, text);
    printf("%-28s = %-40s => %ld\n", inputs[i], text, eval(tree));
    release(tree);
  }
  return 0;
}
