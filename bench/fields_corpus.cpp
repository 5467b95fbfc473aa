// Precision and recall of the form-field classifier on the labelled corpus
// (tests/corpus/fields.json). Targets (issue 4): recall 1.0 on names, phones, e-mails and
// IINs; precision >= 0.95. Run: build/native/bench/cg-bench-fields tests/corpus/fields.json
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cg/fields.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: cg-bench-fields CORPUS.json [--misses]\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json corpus = nlohmann::json::parse(text.str(), nullptr, false);
  if (corpus.is_discarded() || !corpus.contains("fields")) {
    std::fprintf(stderr, "cg-bench-fields: %s is not a corpus\n", argv[1]);
    return 1;
  }
  bool show_misses = argc > 2 && std::string(argv[2]) == "--misses";
  std::map<std::string, int> tp, fp, fn;
  int masked_right = 0, masked = 0, personal = 0, total = 0;
  for (const auto& f : corpus["fields"]) {
    cg::FieldInfo info{f.value("tag", ""),          f.value("type", ""),
                       f.value("name", ""),         f.value("id", ""),
                       f.value("autocomplete", ""), f.value("inputmode", ""),
                       f.value("placeholder", ""),  f.value("ariaLabel", ""),
                       f.value("label", ""),        f.value("heading", "")};
    cg::FieldVerdict v = cg::classify_field(info);
    std::string got(cg::pii_kind_name(v.kind)), want = f.value("kind", "none");
    ++total;
    if (got == want)
      ++tp[want];
    else
      ++fp[got], ++fn[want];
    personal += want != "none";
    masked += got != "none";
    masked_right += got != "none" && want != "none";
    if (show_misses && got != want) {
      std::printf("miss: want %-11s got %-11s (%s) %s\n", want.c_str(), got.c_str(),
                  v.signal.c_str(), f.dump().c_str());
    }
  }
  std::printf("fields: %d (%d personal)\n", total, personal);
  std::printf("%-12s %9s %9s\n", "kind", "precision", "recall");
  for (const char* kind : {"person_name", "phone", "email", "iin", "address", "birth_date", "card",
                           "secret", "message", "none"}) {
    double p = tp[kind] + fp[kind] ? double(tp[kind]) / (tp[kind] + fp[kind]) : 1.0;
    double r = tp[kind] + fn[kind] ? double(tp[kind]) / (tp[kind] + fn[kind]) : 1.0;
    std::printf("%-12s %9.3f %9.3f\n", kind, p, r);
  }
  std::printf("masking (any kind): precision %.3f, recall %.3f\n",
              masked ? double(masked_right) / masked : 1.0,
              personal ? double(masked_right) / personal : 1.0);
  return 0;
}
