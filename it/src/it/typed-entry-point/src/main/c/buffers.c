/* Pointer parameters: the typed entry points take Java byte arrays, in and out. */
__attribute__((export_name("upcase"))) void upcase(char *s, int n) {
  for (int i = 0; i < n; i++) {
    if (s[i] >= 'a' && s[i] <= 'z') s[i] = (char) (s[i] - 'a' + 'A');
  }
}

__attribute__((export_name("checksum"))) int checksum(const unsigned char *data, int n) {
  int sum = 0;
  for (int i = 0; i < n; i++) sum = sum * 31 + data[i];
  return sum;
}
