// Writes the loader's compact copy of the registry (an ES module) to the given file.
#include <cstdio>
#include <string>

#include "cg/loader_data.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: cg-gen-loader-data OUTPUT.js\n");
    return 2;
  }
  std::string text = cg::loader_data_module();
  std::FILE* f = std::fopen(argv[1], "wb");
  if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0) {
    std::fprintf(stderr, "cg-gen-loader-data: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
