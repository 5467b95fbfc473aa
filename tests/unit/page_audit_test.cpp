// cg-audit's library: a saved page is described and classified as the guard does in the
// browser (js/masking/describe.js and observe.js), so it must reach the verdicts the
// browser test asserts for maskingReport() (tests/browser/masking.test.mjs).
#include "audit/page_audit.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using cg::PiiKind;
using cg::audit::audit_page;
using cg::audit::Finding;
using cg::audit::Target;

namespace {

std::string read_page(const std::string& name) {
  std::ifstream in(std::string(CG_PAGES_DIR) + "/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The finding at `locator` (in the page itself unless `frame` says otherwise).
const Finding* at(const std::vector<Finding>& findings, const std::string& locator,
                  const std::string& frame = "") {
  for (const auto& f : findings)
    if (f.locator == locator && f.frame == frame) return &f;
  return nullptr;
}

const Finding& field(const std::vector<Finding>& findings, const std::string& locator,
                     const std::string& frame = "") {
  const Finding* f = at(findings, locator, frame);
  INFO(locator);
  REQUIRE(f);
  REQUIRE(f->target == Target::field);
  return *f;
}

size_t count(const std::vector<Finding>& findings, Target target) {
  size_t n = 0;
  for (const auto& f : findings) n += f.target == target;
  return n;
}

}  // namespace

TEST_CASE("the masking test page gets the verdicts maskingReport() gives in the browser",
          "[audit]") {
  auto findings = audit_page(read_page("masking.html"));

  const Finding& name = field(findings, "input[name=Name]");
  CHECK(name.masked);
  CHECK(name.kind == PiiKind::person_name);
  CHECK(name.signal.rfind("label:", 0) == 0);
  CHECK(name.field.label == "Ваше имя");
  CHECK(name.field.heading == "Забронировать стол");

  const Finding& phone = field(findings, "input[name=Phone]");
  CHECK(phone.masked);
  CHECK(phone.kind == PiiKind::phone);
  CHECK(phone.field.label == "Телефон");  // <label for="phone">
  CHECK(phone.field.id == "phone");
  CHECK(phone.field.placeholder == "+7 (___) ___-__-__");

  CHECK(field(findings, "input[name=Email]").kind == PiiKind::email);
  CHECK(field(findings, "input[name=Email]").masked);
  CHECK(field(findings, "input[name=iin]").kind == PiiKind::iin);
  CHECK(field(findings, "input[name=iin]").field.inputmode == "numeric");
  const Finding& comment = field(findings, "textarea[name=comment]");
  CHECK(comment.masked);
  CHECK(comment.kind == PiiKind::message);
  CHECK(comment.field.tag == "textarea");
  CHECK(comment.field.aria_label == "Комментарий");

  const Finding& secret = field(findings, "input[name=secret-code]");
  CHECK(secret.masked);
  CHECK(secret.signal == "data-consent-guard-mask");
  CHECK(secret.mark == cg::OperatorMark::mask);

  const Finding* confirmation = at(findings, "p#confirmation");
  REQUIRE(confirmation);
  CHECK(confirmation->target == Target::text);
  CHECK(confirmation->masked);
  CHECK(confirmation->kind == PiiKind::phone);

  for (const char* locator : {"input[name=guests]", "input[name=table]", "input[name=demo-phone]"})
    CHECK_FALSE(field(findings, locator).masked);
  CHECK(field(findings, "input[name=demo-phone]").signal == "data-consent-guard-unmask");
  const Finding* menu = at(findings, "p#menu");
  REQUIRE(menu);  // looked at (it has digit groups), not masked
  CHECK_FALSE(menu->masked);

  // The srcdoc iframe's fields, masked there too (the browser test checks their markers).
  CHECK(field(findings, "input[name=name]", "iframe#frame").kind == PiiKind::person_name);
  CHECK(field(findings, "input[name=tel]", "iframe#frame").kind == PiiKind::phone);
  CHECK(field(findings, "input[name=tel]", "iframe#frame").masked);

  // Nothing else: the page's scripts (the pop-up and widget markup) are not the page.
  CHECK(count(findings, Target::field) == 11);
  CHECK(count(findings, Target::text) == 2);
}

TEST_CASE("labels: wrapping and for=, in tree order; only labelable controls", "[audit]") {
  auto findings = audit_page(R"(<body><form>
    <label>  Ваше
       имя <input name="a"></label>
    <label for="b">Телефон</label><input id="b" name="b"><label for="b">нөміріңіз</label>
    <label for="nowhere">Email</label><input name="c">
    <label><button>Отправить</button> Телефон <input name="d"></label>
    <label for="h">Телефон</label><input id="h" type="hidden" name="h">
  </form>)");
  CHECK(field(findings, "input[name=a]").field.label == "Ваше имя");
  CHECK(field(findings, "input[name=a]").kind == PiiKind::person_name);
  CHECK(field(findings, "input[name=b]").field.label == "Телефон нөміріңіз");
  CHECK(field(findings, "input[name=b]").kind == PiiKind::phone);
  CHECK(field(findings, "input[name=c]").field.label.empty());
  CHECK(field(findings, "input[name=d]").field.label.empty());  // the label's control is the button
  CHECK(field(findings, "input[name=h]").field.label.empty());  // hidden inputs have no labels
  CHECK(field(findings, "input[name=h]").field.type == "hidden");
}

TEST_CASE("aria-label and aria-labelledby, joined as describe.js joins them", "[audit]") {
  auto findings = audit_page(R"(<p id="t1">Номер
    телефона</p><span id="t2">для связи</span>
    <input name="a" aria-labelledby="t1 missing t2">
    <input name="b" aria-label="Ваш" aria-labelledby=" t2">
    <input name="c" aria-labelledby="t1">)");
  CHECK(field(findings, "input[name=a]").field.aria_label == "Номер телефона  для связи");
  CHECK(field(findings, "input[name=a]").kind == PiiKind::phone);
  CHECK(field(findings, "input[name=b]").field.aria_label == "Ваш для связи");
  CHECK(field(findings, "input[name=c]").field.aria_label == "Номер телефона");
}

TEST_CASE("the nearest heading: earlier siblings and their content, then the ancestors'",
          "[audit]") {
  auto findings = audit_page(R"(<body>
    <h1>Кафе</h1>
    <div><h2>Меню</h2><div><h3>Контакты</h3><p>x</p></div></div>
    <div><div><input name="a"></div></div>
    <fieldset><legend>Ваше имя</legend><input name="b"></fieldset>
    <div role="heading">Телефон</div><input name="c">
    <h2>Ignored</h2><div><div><div><div><div><div><input name="deep"></div></div></div></div></div></div>
  </body>)");
  CHECK(field(findings, "input[name=a]").field.heading == "Контакты");  // the last, in a subtree
  CHECK(field(findings, "input[name=b]").field.heading == "Ваше имя");
  CHECK(field(findings, "input[name=b]").kind == PiiKind::person_name);
  CHECK(field(findings, "input[name=c]").field.heading == "Телефон");
  CHECK(field(findings, "input[name=deep]").field.heading.empty());  // 6 levels up at most
}

TEST_CASE("the nearest operator mark wins: unmask inside mask, mask inside unmask", "[audit]") {
  auto findings = audit_page(R"(<div data-consent-guard-mask>
      <input name="guests" placeholder="Количество гостей">
      <div data-consent-guard-unmask><input name="phone" placeholder="Телефон">
        <p data-consent-guard-mask>Плов 2 500 ₸</p><p>+7 701 555 12 34</p></div>
    </div>)");
  const Finding& guests = field(findings, "input[name=guests]");
  CHECK(guests.masked);
  CHECK(guests.signal == "data-consent-guard-mask");
  const Finding& phone = field(findings, "input[name=phone]");
  CHECK_FALSE(phone.masked);
  CHECK(phone.kind == PiiKind::phone);
  CHECK(phone.mark == cg::OperatorMark::unmask);
  REQUIRE(count(findings, Target::text) == 2);
  for (const auto& f : findings) {
    if (f.target != Target::text) continue;
    INFO(f.locator);
    CHECK(f.masked == (f.mark == cg::OperatorMark::mask));
  }
}

TEST_CASE("text blocks: the parent of text that may hold personal data, not scripts", "[audit]") {
  auto findings = audit_page(R"(<head><title>Кафе</title>
    <script>var phone = '+7 701 555 12 34'; var mail = 'a@b.kz';</script>
    <style>.x::after { content: "8 701 555 12 34" }</style></head>
    <body><noscript><p>Звоните: +7 701 555 12 34</p><input name="n" placeholder="Телефон"></noscript>
    <template><p id="tpl">+7 701 555 12 34</p></template>
    <textarea name="t">+7 701 555 12 34</textarea>
    <select name="s"><option>8 701 555 12 34</option></select>
    <div id="contacts">Пишите: hello@namo.kz <b>или звоните</b></div>
    <ul><li>Плов</li><li>Тел.: 8 (701) 555-12-34</li></ul>
    <p id="price">Бешбармак 3500 ₸</p></body>)");
  CHECK(count(findings, Target::field) == 2);  // the textarea and the select
  CHECK(at(findings, "input[name=n]") == nullptr);
  CHECK(at(findings, "p#tpl") == nullptr);
  REQUIRE(count(findings, Target::text) == 2);  // "3500" is one digit group of four
  const Finding* contacts = at(findings, "div#contacts");
  REQUIRE(contacts);
  CHECK(contacts->kind == PiiKind::email);
  CHECK(contacts->signal == "text:email");
  const Finding* phone = at(findings, "body > ul > li:nth-of-type(2)");
  REQUIRE(phone);
  CHECK(phone->masked);
  CHECK(phone->kind == PiiKind::phone);
}

TEST_CASE("srcdoc iframes are audited unless sandboxed away from the page's origin", "[audit]") {
  auto findings = audit_page(R"(
    <iframe name="booking" srcdoc="<label>Атыңыз <input name=a></label>
      <iframe id=inner srcdoc='<input name=b type=email>'></iframe>"></iframe>
    <iframe srcdoc="<input name=c autocomplete=tel>" sandbox="allow-scripts"></iframe>
    <iframe id="ok" srcdoc="<input name=d autocomplete=tel>" sandbox="allow-forms ALLOW-SAME-ORIGIN"></iframe>)");
  CHECK(field(findings, "input[name=a]", "iframe[name=booking]").kind == PiiKind::person_name);
  CHECK(field(findings, "input[name=b]", "iframe[name=booking] >> iframe#inner").kind ==
        PiiKind::email);
  CHECK(field(findings, "input[name=d]", "iframe#ok").masked);
  for (const auto& f : findings) CHECK(f.field.name != "c");
}

TEST_CASE("describe.js limits: whitespace collapsed, texts cut at 200 UTF-16 units", "[audit]") {
  std::string long_label(300, 'x');
  std::string cyrillic;
  for (int i = 0; i < 250; ++i) cyrillic += "ж";
  auto findings = audit_page("<label>\t" + long_label + "  </label><label>" + cyrillic +
                             " <input name=a placeholder='" + cyrillic + "'></label>" + "<label>" +
                             std::string(199, 'y') + "\xF0\x9F\x98\x80 <input name=b></label>");
  const Finding& a = field(findings, "input[name=a]");
  CHECK(a.field.label == cyrillic.substr(0, 400));  // 200 letters of two bytes
  CHECK(a.field.placeholder == cyrillic.substr(0, 400));
  // A cut through a surrogate pair drops the pair.
  CHECK(field(findings, "input[name=b]").field.label == std::string(199, 'y'));
}

TEST_CASE("locators: name, then id, then a short path from the nearest anchor", "[audit]") {
  auto findings = audit_page(R"(<form id="f"><div><input name="x"><input name="x">
    <textarea></textarea><textarea id="c"></textarea></div></form>
    <main><section><div><div><div><div><div><div><p>+7 701 555 12 34</p></div></div></div></div></div></div></section></main>)");
  CHECK(at(findings, "form#f > div > input:nth-of-type(1)") != nullptr);
  CHECK(at(findings, "form#f > div > input:nth-of-type(2)") != nullptr);
  CHECK(at(findings, "form#f > div > textarea:nth-of-type(1)") != nullptr);
  CHECK(at(findings, "textarea#c") != nullptr);
  CHECK(at(findings, "body div > div > div > div > div > p") != nullptr);
}

TEST_CASE("malformed pages do not break the audit", "[audit]") {
  const char* pages[] = {
      "",
      "<",
      "<input",
      "<input name=\"Телефон",
      "</div></form><label for=>x</label><input id= name=phone>",
      "<table><input name=phone placeholder=Телефон><tr><td><label>Имя<input name=n></table>",
      "<select><input name=email type=email></select>",
      "<p>8 701 555 12 34<p>hello@namo.kz<div><p>+7 701 555 12 34</b></i></span>",
      ("<svg><style>8 701 555 12 34</style><input name=x><foreignObject><input "
       "type=password></foreignObject></svg>"),
      "<iframe srcdoc=\"<iframe srcdoc='<iframe srcdoc=&quot;<input type=email>&quot;>'>\">",
      "<label for=a><label for=a><input id=a aria-labelledby=a>",
      "<!-- <input name=phone> --><![CDATA[ 8 701 555 12 34 ]]><?php echo 1 ?>",
  };
  for (const char* page : pages) {
    INFO(page);
    CHECK_NOTHROW(audit_page(page));
  }
  // Bytes that are not UTF-8, and NUL bytes.
  const char raw[] =
      "<label>\xff\xfe Телефон\x80 <input name=p></label><p>\0 8 701 555 12 34\0\xc3";
  std::string binary(raw, sizeof raw - 1);
  auto findings = audit_page(binary);
  CHECK(field(findings, "input[name=p]").kind == PiiKind::phone);
  // Deep nesting, without recursion.
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += "<div>";
  deep += "<label>Телефон <input name=deep></label><p>8 701 555 12 34";
  findings = audit_page(deep);
  CHECK(field(findings, "input[name=deep]").masked);
  CHECK(count(findings, Target::text) == 1);
}

TEST_CASE("declarative shadow roots are audited as trees of their own, as the guard sees them",
          "[audit]") {
  auto findings = audit_page(R"(<body><h2>Бронь</h2>
<booking-card id="card"><template shadowrootmode="open">
  <label for="m">E-mail</label><input id="m" name="mail">
  <input name="guests" aria-label="Количество гостей">
</template></booking-card>
<template><input name="inert" type="tel"></template>
</body>)");
  const Finding& mail = field(findings, "input[name=mail]", "booking-card#card >> shadow");
  CHECK(mail.masked);
  CHECK(mail.kind == cg::PiiKind::email);
  CHECK_FALSE(field(findings, "input[name=guests]", "booking-card#card >> shadow").masked);
  // A plain <template> stays inert, as in the browser.
  for (const auto& f : findings) CHECK(f.locator != "input[name=inert]");
}
