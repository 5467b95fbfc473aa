#include "cg/fields.h"

#include <algorithm>

#include "cg/config.h"
#include "cg/utf8.h"

namespace cg {
namespace {

using K = PiiKind;

// Keyword stems, checked in this order; the first stem found at the start of a word in a
// signal decides. Order carries meaning: "cardholder" is a name before "card" is a card,
// "почтовый индекс" an address before "почта" an e-mail, "комментарий к заказу" a message
// before "заказ" a non-personal field, "имя гостя" a name before "гостей" a head count.
struct Rule {
  K kind;
  std::string_view stems;   // separated by '|'
  bool names_only = false;  // says what a name is of; free text about it is still a message
};

constexpr Rule kRules[] = {
    // Not personal although they mention contact data: spam traps, newsletter settings, web
    // addresses, a settlement (елді мекен) on its own.
    {K::none, "form spec|frequency|частот|жиілі|сайт|website|url$|елді мекен"},
    // The occasion of a visit ("Повод: день рождения") is not a date of birth.
    {K::none, "повод|occasion|себеп"},
    {K::secret,
     "пароль|password|passwd|pwd|құпия|pin|пин|смс|sms|otp|одноразов|код подтвержд|растау"},
    {K::person_name,
     "cardholder|держател|владелец карт|карта иесі|name on card|күн иесі|именинник|именинниц"},
    {K::birth_date, "рожд|туған|tugan|tygan|birth|bday|dob"},
    {K::iin, "иин|жсн|iin|jsn$|бин|бсн|bin"},
    {K::address, "индекс|почтовый|postcode|postal|zip"},
    {K::email, "email|e mail|mail|почта|почты|почту|почтой|электрон|пошта|poshta|elektrond"},
    {K::phone,
     "телефон|телфон|telefon|phone|telephone|тел$|tel$|number to call|whatsapp|whats "
     "app|ватсап|вотсап|мобильн|mobile|моб"},
    // A question about who someone is asks for a name ("Кто встретит курьера?", "Кімді
    // сұрау керек?", "Who should we ask for?"), unless it names a phone or an e-mail.
    {K::person_name, "кто$|кого$|кому$|кім$|кімді|кімге|кімнен|kim$|kimdi|kimge|kimnen|who$|whom$"},
    // A log-in name is not personal data; one that may be an e-mail or a phone number ("E-mail /
    // логин") was caught just above.
    {K::none, "username|логин|login|имя пользоват|пайдаланушы"},
    // The text of a greeting card is the visitor's message, not a card.
    {K::message, "текст|мәтін|открытк|ашықхат|gift message|greeting"},
    // Gift, loyalty and bonus cards, and the choice of how to pay, are not payment cards.
    {K::none,
     "gift|подарочн|сыйлық|лояльн|loyalty|бонус|bonus|карта гостя|клубн|способ оплаты|payment "
     "method|pay with|төлем тәсіл"},
    {K::card,
     "номер карт|карта нөмір|карт нөмір|карта мерзім|card|cvv|cvc|срок действия|expir|exp date|мм "
     "гг$|mm yy$|аа жж$|cc"},
    {K::none, "тема|subject|тақыры"},  // a subject line (тақырып/тақырыбы), not the message
    {K::message,
     "комментар|сообщени|пожелан|отзыв|вопрос|просьб|примечан|аллерг|надпись|пікір|хабарлама|тілек|"
     "сұрақ|өтініш|ескерт|түсінікт|жазу|comment|message|wish|feedback|review|question|request|note|"
     "allerg|inscription|textarea"},
    // Where someone lives or works, whatever the address belongs to ("Адрес доставки товара").
    {K::address, "адрес|мекенжай|мекен жай|mekenjai|mekenzhai|address|офис|office$|кеңсе"},
    // People by their part in the visit, before the things below ("Team captain").
    {K::person_name,
     "представител|заказчик|владел|хозя|иесі|owner|пассажир$|пациент$|опекун$|капитан|тапсырыс "
     "беруші|"
     "жолаушы$|guardian$|passenger$|patient$|captain$|next of kin|pick up person|pickup person|"
     "responsible person|person in charge|emergency contact"},
    // Words only ever said of people: they win over the words below ("ФИО хозяина питомца",
    // "Тапсырыс берушінің аты-жөні").
    {K::person_name,
     "фио|ф и о$|fio$|т а ә$|t a a$|фамили|отчество|обращаться|называть|зовут|есім|тегі|теги$|"
     "тегиниз|tegi$|teginiz|жөні|атына|атаймыз|байланысатын адам|хабарласатын адам|жауапты адам|"
     "joni$|surname|full name|fullname|first name|last name|call you$"},
    // The name of an animal, a file, a team, a project, a product, a place or a hero is no one's.
    {K::none,
     "кличк|питом|животн|жануар|janu|pet$|pets$|dog$|dogs$|cat$|собак|кошк|animal|имя файла|file "
     "name|filename|team|команд|komanda|project|проект|product|товар|venue name|shoot|hall$|"
     "герой|героя|hero$",
     true},
    // "Имя" is a person's name, whatever else is mentioned ("Имя заказчика", "Столик на имя",
    // "Name for the order").
    {K::person_name, "имя|имена|name for"},
    // Words that make "name", "number" or "code" something other than personal data.
    {K::none,
     "компани|kompani|company|организац|organization|фирм|ұйым|блюд|тағам|dish|user|пользоват|стол|"
     "үстел|"
     "table|promo|промо|купон|coupon|заказ|тапсырыс|order|event name|название мероприят|іс шара "
     "атау"},
    {K::person_name,
     "name|аты|aty$|atyn|жүгін|тұлға|контактное лицо|получател|first|last|contact person"},
    {K::address,
     "мекен|улиц|көше|koshe|street|дом$|дома$|квартир|пәтер|pater$|кв|подъезд|кіреберіс|kireberis|"
     "этаж|қабат|floor|apartment|apt|entrance|домофон|intercom|door|house|building|корпус|үй$|ui$"},
    // Plainly not personal: head counts, dates and times of a visit, search, places, ratings.
    {K::none,
     "количеств|саны|гостей|guests|человек|адам|persons|people|дата|date|күні|время|уақыт|time|"
     "поиск|іздеу|search|город|қала$|city|страна|country|рейтинг|оценк|rating|узнал|hear|источник"},
};

// The plain letter under a Latin letter with a mark (Latin-1 and Latin Extended-A/B); others,
// and letters without a plain base, are kept as they are.
uint32_t latin_base(uint32_t cp) {
  // Latin-1, from U+00C0: ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß and their lower cases from U+00E0
  // (× ÷ ß ÿ kept).
  static constexpr char kLatin1[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyt*";
  if (cp < 0x100) {
    char c = kLatin1[(cp - 0xC0) & 31];
    return c == '*' ? cp : static_cast<uint32_t>(c);
  }
  switch (cp) {
    case 0x130:
    case 0x131: return 'i';  // İ ı
    case 0x143:
    case 0x144: return 'n';  // Ń ń
    case 0x15E:
    case 0x15F: return 's';  // Ş ş
    case 0x16A:
    case 0x16B: return 'u';  // Ū ū
    case 0x11E:
    case 0x11F:
    case 0x1F4:
    case 0x1F5: return 'g';  // Ğ ğ Ǵ ǵ
    default: return cp;
  }
}

uint32_t lower(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  // Latin Kazakh (2018 and 2021 alphabets: á ä ǵ ı ń ó ö ú ū ü ý ş) reads as plain Latin
  // letters, so that one stem covers "Atyńyz", "Atynyz" and "ATYŃYZ".
  if (cp >= 0xC0 && cp <= 0x24F) return latin_base(cp);
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;  // А..Я
  if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;        // Ѐ..Џ (Ё, І, ...)
  if (cp == 0x451) return 0x435;                     // ё is written as е as often as not
  // Kazakh letters Ғ Қ Ң Ү Ұ Һ Ә Ө: upper case even, lower case odd.
  if ((cp >= 0x492 && cp <= 0x4BB) || (cp >= 0x4D8 && cp <= 0x4E9)) return cp | 1;
  return cp;
}

bool is_letter_or_digit(uint32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 0x400 && cp <= 0x4FF);
}

// Words separated by single spaces: camelCase split, punctuation and digits dropped
// around words, so that "billing_first_name", "yourName" and "E-mail:" all read plainly.
std::string words(std::string_view text) {
  std::string out;
  bool space = true;
  uint32_t prev = 0;
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = utf8::next(text, i);  // ill-formed bytes read as no letter
    bool camel = cp >= 'A' && cp <= 'Z' && prev >= 'a' && prev <= 'z';
    prev = cp;
    cp = lower(cp);
    if (!is_letter_or_digit(cp) && cp != '+' && cp != '@') {
      space = true;
      continue;
    }
    if ((space || camel) && !out.empty()) out += ' ';
    space = false;
    utf8::append(out, cp);
  }
  return out;
}

// A stem found at the start of a word (so "тел" is not found in "желательно"); a stem
// ending in '$' must be the whole word ("tel$" is not "tell").
bool has_word_stem(std::string_view text, std::string_view stem) {
  bool whole = stem.back() == '$';
  if (whole) stem.remove_suffix(1);
  for (size_t pos = text.find(stem); pos != std::string_view::npos;
       pos = text.find(stem, pos + 1)) {
    size_t end = pos + stem.size();
    if ((pos == 0 || text[pos - 1] == ' ') && (!whole || end == text.size() || text[end] == ' ')) {
      return true;
    }
  }
  return false;
}

// A word ending like a patronymic (Иванович, Сергеевна, Серікұлы, Асанқызы): an example name.
bool patronymic_in(std::string_view text) {
  static constexpr std::string_view kEndings[] = {"ович", "евич", "овна", "евна",
                                                  "ұлы",  "қызы", "улы",  "кызы"};
  for (size_t start = 0; start < text.size();) {
    size_t end = std::min(text.find(' ', start), text.size());
    std::string_view word = text.substr(start, end - start);
    for (auto e : kEndings) {
      if (word.size() > e.size() + 2 && word.substr(word.size() - e.size()) == e) return true;
    }
    start = end + 1;
  }
  return false;
}

// A phone mask or number in a placeholder ("+7 (___) ___-__-__"), an e-mail example, or an
// example full name with a patronymic.
K shape_of(std::string_view raw) {
  if (raw.find('@') != std::string_view::npos) return K::email;
  if (raw.find("+7") != std::string_view::npos || raw.find("(7") != std::string_view::npos ||
      raw.find("___") != std::string_view::npos) {
    return K::phone;
  }
  if (patronymic_in(words(raw))) return K::person_name;
  return K::none;
}

bool decide(std::string_view source, std::string_view raw, bool free_text, FieldVerdict& out) {
  if (raw.empty()) return false;
  // An example value says more than any word in it ("name@example.kz" is an e-mail).
  if (source == "placeholder" && shape_of(raw) != K::none) {
    out = {shape_of(raw), "placeholder:shape"};
    return true;
  }
  std::string text = words(raw);
  for (const auto& rule : kRules) {
    if (rule.names_only && free_text) continue;
    for (std::string_view rest = rule.stems; !rest.empty();) {
      std::string_view stem = rest.substr(0, rest.find('|'));
      rest.remove_prefix(std::min(rest.size(), stem.size() + 1));
      if (has_word_stem(text, stem)) {
        out = {rule.kind, std::string(source) + ":" + std::string(stem)};
        return true;
      }
    }
  }
  return false;
}

K autocomplete_kind(std::string_view token) {
  if (token == "name" || token == "given-name" || token == "family-name" ||
      token == "additional-name" || token == "nickname" || token == "cc-name") {
    return K::person_name;
  }
  if (token.substr(0, 3) == "tel") return K::phone;
  if (token == "email") return K::email;
  if (token.substr(0, 4) == "bday") return K::birth_date;
  if (token.substr(0, 3) == "cc-") return K::card;
  if (token == "current-password" || token == "new-password" || token == "one-time-code") {
    return K::secret;
  }
  // address-level1/2 are region and city: on their own they identify no one.
  if (token == "street-address" || token.substr(0, 12) == "address-line" ||
      token == "postal-code" || token == "address-level3" || token == "address-level4") {
    return K::address;
  }
  return K::none;
}

}  // namespace

std::string_view pii_kind_name(PiiKind kind) {
  constexpr std::string_view kNames[] = {"none", "person_name", "phone", "email",  "address",
                                         "iin",  "birth_date",  "card",  "secret", "message"};
  return kNames[static_cast<int>(kind)];
}

std::string fold_case(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t cp = utf8::next(text, i);
    if (cp == utf8::kIllFormed)
      out += text[start];  // kept as it is
    else
      utf8::append(out, lower(cp));
  }
  return out;
}

FieldVerdict classify_field(const FieldInfo& f) {
  std::string type = fold_case(f.type);
  std::string ac = fold_case(f.autocomplete);
  if (ac.substr(0, 3) == "cc-" && ac != "cc-name") return {K::card, "autocomplete=" + ac};
  if (type == "password") return {K::secret, "type=password"};
  if (type == "email") return {K::email, "type=email"};
  if (type == "tel") return {K::phone, "type=tel"};
  if (type == "hidden" || type == "checkbox" || type == "radio" || type == "submit") {
    return {K::none, "type=" + type};
  }
  // autocomplete may hold several tokens ("shipping tel"): the last one names the field.
  std::string_view last = ac;
  if (auto space = last.rfind(' '); space != std::string_view::npos) last.remove_prefix(space + 1);
  if (K kind = autocomplete_kind(last); kind != K::none) {
    return {kind, "autocomplete=" + std::string(last)};
  }
  std::string inputmode = fold_case(f.inputmode);
  if (inputmode == "tel") return {K::phone, "inputmode=tel"};
  if (inputmode == "email") return {K::email, "inputmode=email"};
  bool textarea = fold_case(f.tag) == "textarea";
  FieldVerdict v;
  for (const auto& [source, text] :
       {std::pair<std::string_view, const std::string&>{"label", f.label},
        {"aria-label", f.aria_label},
        {"placeholder", f.placeholder},
        {"name", f.name},
        {"id", f.id}}) {
    if (decide(source, text, textarea, v)) return v;
  }
  if (textarea) return {K::message, "textarea"};
  if (type == "search") return {K::none, "type=search"};
  // A heading is weak evidence (it names the form more often than the field): only for a
  // field that says nothing about itself.
  bool described = !f.label.empty() || !f.aria_label.empty() || !f.placeholder.empty();
  if (!described && decide("heading", f.heading, false, v) && v.kind != K::message) return v;
  return {K::none, ""};
}

namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}

// A run of digits with phone separators; true for 10 or 11 digits in a Kazakh/Russian form.
size_t phone_at(std::string_view t, size_t i, size_t& end) {
  size_t digits = 0, j = i;
  std::string d;
  while (j < t.size() && (digit(t[j]) || t[j] == ' ' || t[j] == '-' || t[j] == '(' || t[j] == ')' ||
                          (j == i && t[j] == '+'))) {
    if (digit(t[j])) d += t[j], ++digits;
    ++j;
  }
  while (j > i && !digit(t[j - 1]) && t[j - 1] != ')') --j;
  end = j;
  bool ok = (digits == 11 && (d[0] == '7' || d[0] == '8')) || (digits == 10 && d[0] == '7');
  return ok ? digits : 0;
}

bool plausible_iin(std::string_view d) {
  int month = (d[2] - '0') * 10 + (d[3] - '0');
  int day = (d[4] - '0') * 10 + (d[5] - '0');
  return kz_id_valid(d) && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool email_char(char c) {
  return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '_' ||
         c == '-' || c == '+';
}

}  // namespace

std::vector<TextFinding> find_pii_in_text(std::string_view t) {
  std::vector<TextFinding> found;
  for (size_t i = 0; i < t.size();) {
    bool starts = i == 0 || !(digit(t[i - 1]) || email_char(t[i - 1]));
    if (t[i] == '@') {
      size_t a = i, b = i + 1;
      while (a > 0 && email_char(t[a - 1])) --a;
      while (b < t.size() && email_char(t[b])) ++b;
      while (b > i + 1 && t[b - 1] == '.') --b;  // the full stop after an address
      std::string_view domain = t.substr(i + 1, b - i - 1);
      if (a < i && domain.find('.') != std::string_view::npos && domain.back() != '.') {
        found.push_back({K::email, a, b - a});
        i = b;
        continue;
      }
    }
    if (starts && (digit(t[i]) || t[i] == '+')) {
      size_t end = i;
      size_t j = i;
      while (j < t.size() && digit(t[j])) ++j;
      if (j - i == 12 && (j == t.size() || !digit(t[j])) && plausible_iin(t.substr(i, 12))) {
        found.push_back({K::iin, i, 12});
        i = j;
        continue;
      }
      if (phone_at(t, i, end) > 0) {
        found.push_back({K::phone, i, end - i});
        i = end;
        continue;
      }
      i = std::max(j, i + 1);
      continue;
    }
    ++i;
  }
  return found;
}

}  // namespace cg
