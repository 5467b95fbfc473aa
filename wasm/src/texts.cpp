#include "cg/texts.h"

#include "cg/url.h"

namespace cg {
namespace {

struct Entry {
  std::string_view key, ru, kk, en;
};

// Kazakh texts are written as Kazakh, not word-for-word from the Russian.
constexpr Entry kTexts[] = {
    {"reload_notice",
     "Вы отозвали согласие. Чтобы сервисы, которые уже успели загрузиться, полностью "
     "отключились, обновите страницу.",
     "Келісіміңізді қайтарып алдыңыз. Жүктеліп үлгерген қызметтер толық тоқтауы үшін бетті "
     "жаңартыңыз.",
     "You have withdrawn consent. Reload the page so that services which already loaded are "
     "switched off completely."},
    {"reload_button", "Обновить страницу", "Бетті жаңарту", "Reload the page"},
    {"dismiss_button", "Закрыть", "Жабу", "Close"},
};

std::string primary_subtag(std::string_view tag) {
  auto dash = tag.find_first_of("-_");
  std::string lang = to_lower_ascii(tag.substr(0, dash));
  if (lang == "kz") lang = "kk";
  return lang;
}

bool shipped(std::string_view lang) {
  return lang == "ru" || lang == "kk" || lang == "en";
}

}  // namespace

std::string pick_language(std::string_view configured, std::string_view html_lang,
                          const std::vector<std::string>& browser_languages) {
  if (shipped(configured)) return std::string(configured);
  if (auto lang = primary_subtag(html_lang); shipped(lang)) return lang;
  for (const auto& tag : browser_languages) {
    if (auto lang = primary_subtag(tag); shipped(lang)) return lang;
  }
  return "ru";
}

std::string text(std::string_view key, std::string_view lang) {
  for (const auto& e : kTexts) {
    if (e.key != key) continue;
    if (lang == "ru") return std::string(e.ru);
    if (lang == "kk") return std::string(e.kk);
    return std::string(e.en);
  }
  return std::string(key);
}

}  // namespace cg
