// Writes the browser's copy of how the guard reads a page for masking (cg/page_reading.h).
#include <cstdio>
#include <string>

#include "cg/page_reading.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: cg-gen-page-reading OUTPUT.js\n");
    return 2;
  }
  std::string text = cg::page_reading::js_module();
  std::FILE* f = std::fopen(argv[1], "wb");
  if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0) {
    std::fprintf(stderr, "cg-gen-page-reading: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
