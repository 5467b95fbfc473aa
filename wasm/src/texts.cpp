#include "cg/texts.h"

#include "cg/url.h"

namespace cg {
namespace {

struct Entry {
  std::string_view key, ru, kk, en;
};

// Kazakh texts are written as Kazakh, not word-for-word from the Russian. Placeholders in
// braces are filled by the caller (see fill()).
constexpr Entry kTexts[] = {
    // The withdrawal notice.
    {"reload_notice",
     "Вы отозвали согласие. Чтобы сервисы, которые уже успели загрузиться, полностью "
     "отключились, обновите страницу.",
     "Келісіміңізді кері қайтарып алдыңыз. Жүктеліп үлгерген қызметтер толық тоқтауы үшін "
     "бетті жаңартыңыз.",
     "You have withdrawn consent. Reload the page so that services which already loaded are "
     "switched off completely."},
    {"reload_button", "Обновить страницу", "Бетті жаңарту", "Reload the page"},
    {"dismiss_button", "Закрыть", "Жабу", "Close"},
    // In place of a frame the operator holds by hand (data-consent) until its purpose is allowed.
    {"embed_held", "Здесь содержимое с {host}. Оно появится, когда вы разрешите «{purpose}».",
     "Мұнда {host} сайтының мазмұны орналасқан. «{purpose}» мақсатына рұқсат берсеңіз, ол "
     "көрсетіледі.",
     "Content from {host} appears here once you allow “{purpose}”."},
    {"embed_allow", "Разрешить и показать", "Рұқсат беріп, көрсету", "Allow and show"},
    {"download_receipts", "Скачать мои квитанции о согласии", "Келісім түбіртектерімді жүктеп алу",
     "Download my consent receipts"},
    // How to withdraw, as a receipt says it.
    {"withdrawal_method",
     "Откройте «Настройки cookie» на сайте и отключите цели; либо напишите оператору.",
     "Сайтта «Cookie баптаулары» терезесін ашып, мақсаттарды өшіріңіз немесе операторға "
     "жазыңыз.",
     "Open “Cookie settings” on the site and switch the purposes off, or write to the operator."},
    // The consent checkbox on forms named in the configuration (forms.selector).
    {"form_consent", "Я согласен(на) на обработку моих персональных данных",
     "Дербес деректерімді өңдеуге келісемін", "I agree to the processing of my personal data"},
    {"form_consent_required",
     "Чтобы отправить форму, отметьте согласие на обработку персональных данных.",
     "Форманы жіберу үшін дербес деректерді өңдеуге келісетініңізді белгілеңіз.",
     "To send the form, tick your consent to the processing of personal data."},
    // The banner's first layer.
    {"title", "Файлы cookie и аналитика", "Cookie файлдары және аналитика",
     "Cookies and analytics"},
    {"intro",
     "{operator} использует необходимые cookie, чтобы сайт работал. С вашего согласия мы также "
     "подключаем аналитику, запись сессий и маркетинг. Выбор можно изменить в любой момент.",
     "{operator} сайт жұмыс істеуі үшін қажетті cookie файлдарын пайдаланады. Келісім берсеңіз, "
     "аналитиканы, сессияларды жазуды және маркетингті де қосамыз. Таңдауыңызды кез келген "
     "уақытта өзгерте аласыз.",
     "{operator} uses the cookies this site needs to work. With your consent we also use "
     "analytics, session recording and marketing. You can change your choice at any time."},
    {"operator_bin", "{name} (БИН {bin})", "{name} (БСН {bin})", "{name} (BIN {bin})"},
    {"intro_anonymous",
     "Мы используем необходимые cookie, чтобы сайт работал. С вашего согласия мы также "
     "подключаем аналитику, запись сессий и маркетинг. Выбор можно изменить в любой момент.",
     "Сайт жұмыс істеуі үшін қажетті cookie файлдарын пайдаланамыз. Келісім берсеңіз, "
     "аналитиканы, сессияларды жазуды және маркетингті де қосамыз. Таңдауыңызды кез келген "
     "уақытта өзгерте аласыз.",
     "We use the cookies this site needs to work. With your consent we also use analytics, "
     "session recording and marketing. You can change your choice at any time."},
    {"recipients", "Данные получают: {recipients}.", "Деректерді алатындар: {recipients}.",
     "Data is sent to: {recipients}."},
    {"recipient_in", "{vendor} ({countries})", "{vendor} ({countries})", "{vendor} ({countries})"},
    {"reason_policy_changed",
     "Мы обновили политику конфиденциальности (версия {version}). Пожалуйста, подтвердите выбор "
     "ещё раз.",
     "Құпиялылық саясатын жаңарттық ({version} нұсқасы). Таңдауыңызды қайта растаңыз.",
     "We have updated our privacy policy (version {version}). Please confirm your choice again."},
    {"reason_expired", "Срок действия вашего выбора от {date} истёк. Пожалуйста, выберите ещё раз.",
     "{date} күнгі таңдауыңыздың мерзімі өтті. Қайта таңдаңыз.",
     "Your choice of {date} has expired. Please choose again."},
    {"gpc_notice",
     "Ваш браузер передаёт сигнал Global Privacy Control, поэтому маркетинг останется выключенным, "
     "пока вы не включите его сами.",
     "Браузеріңіз Global Privacy Control сигналын жібереді, сондықтан маркетингті өзіңіз "
     "қоспайынша, ол өшірулі тұрады.",
     "Your browser sends Global Privacy Control, so marketing stays off unless you switch it on "
     "yourself."},
    {"policy_link", "Политика конфиденциальности", "Құпиялылық саясаты", "Privacy policy"},
    {"accept_all", "Принять все", "Барлығын қабылдау", "Accept all"},
    {"reject_all", "Отклонить все", "Барлығынан бас тарту", "Reject all"},
    {"settings", "Настроить", "Баптау", "Settings"},
    // The settings layer.
    {"settings_title", "Настройки cookie", "Cookie баптаулары", "Cookie settings"},
    {"save", "Сохранить выбор", "Таңдауды сақтау", "Save choices"},
    {"close", "Закрыть", "Жабу", "Close"},
    {"reopen", "Настройки cookie", "Cookie баптаулары", "Cookie settings"},
    {"always_on", "Всегда включены", "Әрдайым қосулы", "Always on"},
    {"services", "Сервисы", "Қызметтер", "Services"},
    {"recipient", "Получатель", "Алушы", "Recipient"},
    {"country", "Страна", "Ел", "Country"},
    {"purpose_necessary", "Необходимые", "Қажетті", "Necessary"},
    {"purpose_analytics", "Аналитика", "Аналитика", "Analytics"},
    {"purpose_session_recording", "Запись сессий", "Сессияларды жазу", "Session recording"},
    {"purpose_marketing", "Маркетинг", "Маркетинг", "Marketing"},
    {"about_necessary", "Нужны, чтобы сайт работал и помнил ваш выбор. Отключить их нельзя.",
     "Сайт жұмыс істеуі және таңдауыңызды есте сақтауы үшін керек. Оларды өшіруге болмайды.",
     "Needed for the site to work and to remember your choice. They cannot be switched off."},
    {"about_analytics",
     "Статистика посещений: какие страницы смотрят и откуда приходят посетители. Помогает нам "
     "понять, что улучшить.",
     "Сайтқа кіру статистикасы: қай беттер қаралады және келушілер қайдан келеді. Бұл бізге "
     "сайтта нені жақсарту керегін түсінуге көмектеседі.",
     "Visit statistics: which pages are viewed and where visitors come from. It helps us see "
     "what to improve."},
    {"about_session_recording",
     "Запись действий на странице — движений мыши, нажатий и прокрутки, — чтобы находить "
     "неудобные места сайта.",
     "Беттегі әрекеттерді жазу: тінтуір қозғалысы, басулар және айналдыру. Сайттағы ыңғайсыз "
     "жерлерді табу үшін қажет.",
     "Recording of what happens on the page (mouse movements, clicks, scrolling) to find the "
     "parts of the site that are hard to use."},
    {"about_marketing", "Показ рекламы и оценка её эффективности, в том числе в социальных сетях.",
     "Жарнама көрсету және оның тиімділігін бағалау, соның ішінде әлеуметтік желілерде.",
     "Showing ads and measuring how well they work, including on social networks."},
    // Countries of recipients (ISO 3166 codes in the registry).
    {"country_RU", "Россия", "Ресей", "Russia"},
    {"country_US", "США", "АҚШ", "USA"},
    {"country_SG", "Сингапур", "Сингапур", "Singapore"},
    {"country_MT", "Мальта", "Мальта", "Malta"},
    {"country_KZ", "Казахстан", "Қазақстан", "Kazakhstan"},
    {"list_separator", ", ", ", ", ", "},
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

bool known_text_key(std::string_view key) {
  for (const auto& e : kTexts) {
    if (e.key == key) return true;
  }
  return false;
}

std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (text[i] == '{') {
      for (const auto& [name, value] : values) {
        if (text.substr(i + 1, name.size()) == name && text.substr(i + 1 + name.size(), 1) == "}") {
          out += value;
          i += name.size() + 2;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
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
