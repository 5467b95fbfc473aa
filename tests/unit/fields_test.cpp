#include "cg/fields.h"

#include <catch2/catch.hpp>

using namespace cg;

namespace {
std::string kind_of(FieldInfo f) {
  return std::string(pii_kind_name(classify_field(f).kind));
}
FieldInfo labelled(std::string label, std::string tag = "input") {
  FieldInfo f;
  f.tag = tag;
  f.type = tag == "input" ? "text" : "";
  f.label = label;
  return f;
}
FieldInfo named(std::string name) {
  FieldInfo f;
  f.tag = "input";
  f.name = name;
  return f;
}
}  // namespace

TEST_CASE("case folding covers Russian and Kazakh letters", "[fields]") {
  CHECK(fold_case("ТЕЛЕФОН Нөміріңіз") == "телефон нөміріңіз");
  CHECK(fold_case("ӘҒҚҢӨҰҮҺІ Ё") == "әғқңөұүһі е");
  CHECK(fold_case("E-Mail") == "e-mail");
}

TEST_CASE("strong signals: type, autocomplete, inputmode", "[fields]") {
  FieldInfo f;
  f.type = "password";
  CHECK(classify_field(f).signal == "type=password");
  f = {};
  f.autocomplete = "shipping tel";
  CHECK(kind_of(f) == "phone");
  f = {};
  f.autocomplete = "cc-number";
  CHECK(kind_of(f) == "card");
  f = {};
  f.inputmode = "email";
  CHECK(kind_of(f) == "email");
  f = {};
  f.type = "checkbox";
  f.label = "Согласен на обработку персональных данных, телефон";
  CHECK(kind_of(f) == "none");
}

TEST_CASE("labels in Russian", "[fields]") {
  CHECK(kind_of(labelled("Ваше имя")) == "person_name");
  CHECK(kind_of(labelled("Имя гостя")) == "person_name");
  CHECK(kind_of(labelled("ФИО")) == "person_name");
  CHECK(kind_of(labelled("Как к вам обращаться?")) == "person_name");
  CHECK(kind_of(labelled("Телефон")) == "phone");
  CHECK(kind_of(labelled("Электронная почта")) == "email");
  CHECK(kind_of(labelled("Почтовый индекс")) == "address");
  CHECK(kind_of(labelled("Адрес доставки")) == "address");
  CHECK(kind_of(labelled("Код домофона")) == "address");
  CHECK(kind_of(labelled("ИИН")) == "iin");
  CHECK(kind_of(labelled("Дата рождения")) == "birth_date");
  CHECK(kind_of(labelled("Комментарий к заказу", "textarea")) == "message");
  CHECK(kind_of(labelled("Код из SMS")) == "secret");
}

TEST_CASE("labels in Kazakh", "[fields]") {
  CHECK(kind_of(labelled("Атыңыз")) == "person_name");
  CHECK(kind_of(labelled("Аты-жөніңіз")) == "person_name");
  CHECK(kind_of(labelled("Телефон нөміріңіз")) == "phone");
  CHECK(kind_of(labelled("Электрондық пошта")) == "email");
  CHECK(kind_of(labelled("Мекенжай")) == "address");
  CHECK(kind_of(labelled("ЖСН")) == "iin");
  CHECK(kind_of(labelled("Туған күніңіз")) == "birth_date");
  CHECK(kind_of(labelled("Пікіріңіз", "textarea")) == "message");
  CHECK(kind_of(labelled("Құпия сөз")) == "secret");
}

TEST_CASE("labels in English and name attributes", "[fields]") {
  CHECK(kind_of(labelled("Your name")) == "person_name");
  CHECK(kind_of(labelled("Email address")) == "email");
  CHECK(kind_of(labelled("Cardholder name")) == "person_name");
  CHECK(kind_of(named("billing_first_name")) == "person_name");
  CHECK(kind_of(named("your-tel")) == "phone");
  CHECK(kind_of(named("order_comments")) == "message");
  CHECK(kind_of(named("Textarea")) == "message");
  CHECK(kind_of(named("form_fields[name]")) == "person_name");
}

TEST_CASE("what carries no personal data is left alone", "[fields]") {
  for (const char* label : {"Количество гостей", "Қонақтар саны", "Number of guests", "Дата визита",
                            "Келу күні", "Время", "Уақыты", "Поиск по меню", "Іздеу", "Промокод",
                            "Company name", "Название блюда", "Тағам атауы", "Номер стола", "Город",
                            "Username", "How did you hear about us?", "Желательное время звонка"}) {
    INFO(label);
    CHECK(kind_of(labelled(label)) == "none");
  }
  FieldInfo search;
  search.type = "search";
  search.placeholder = "Найти блюдо";
  CHECK(kind_of(search) == "none");
}

TEST_CASE("placeholders that show the shape of the value", "[fields]") {
  FieldInfo f;
  f.placeholder = "+7 (___) ___-__-__";
  CHECK(kind_of(f) == "phone");
  f.placeholder = "name@example.kz";
  CHECK(kind_of(f) == "email");
}

TEST_CASE("personal data in text", "[fields][text]") {
  auto found = find_pii_in_text(
      "Звоните +7 (701) 234-56-78 или 8 727 123 45 67, пишите hello@namo.kz. ИИН 900101300017. "
      "Бешбармак 3 500 ₸, заказ №12345, ИИН с ошибкой 900101300015.");
  REQUIRE(found.size() == 4);
  CHECK(found[0].kind == PiiKind::phone);
  CHECK(found[1].kind == PiiKind::phone);
  CHECK(found[2].kind == PiiKind::email);
  CHECK(found[3].kind == PiiKind::iin);
  CHECK(find_pii_in_text("Меню на 2026-04-04, столик на 4 персоны").empty());
}

TEST_CASE("words said only of people win over order and table words", "[fields]") {
  CHECK(kind_of(labelled("Имя получателя заказа")) == "person_name");
  CHECK(kind_of(labelled("Заказ на имя")) == "person_name");
  CHECK(kind_of(labelled("Тапсырыс кімнің атына жазылады?")) == "person_name");
  CHECK(kind_of(labelled("Адрес, куда доставить заказ")) == "address");
  // ... but a company or dish name is still no one's name.
  CHECK(kind_of(labelled("Название компании")) == "none");
  CHECK(kind_of(labelled("Тағамның атауы")) == "none");
}

TEST_CASE("log-in names, loyalty cards and settlements are not personal fields", "[fields]") {
  CHECK(kind_of(labelled("Имя пользователя")) == "none");
  CHECK(kind_of(labelled("Номер клубной карты")) == "none");
  CHECK(kind_of(labelled("Способ оплаты: картой или наличными")) == "none");
  CHECK(kind_of(labelled("Елді мекен")) == "none");
  CHECK(kind_of(labelled("Адрес сайта")) == "none");
  // Contact data still wins when a loyalty programme is mentioned.
  CHECK(kind_of(labelled("ИИН для бонусной программы")) == "iin");
  CHECK(kind_of(labelled("Телефон для бонусов")) == "phone");
}

TEST_CASE("an example name with a patronymic in the placeholder", "[fields]") {
  FieldInfo ru;
  ru.tag = "input";
  ru.placeholder = "Петров Сергей Иванович";
  CHECK(kind_of(ru) == "person_name");
  FieldInfo kk = ru;
  kk.placeholder = "Нұрлан Асанұлы";
  CHECK(kind_of(kk) == "person_name");
  FieldInfo dish = ru;
  dish.placeholder = "Плов по-ташкентски";
  CHECK(kind_of(dish) == "none");
}

TEST_CASE("Kazakh in the Latin alphabet (2018 and 2021 spellings)", "[fields]") {
  CHECK(kind_of(labelled("Atyńyz")) == "person_name");
  CHECK(kind_of(labelled("ATYNYZ")) == "person_name");
  CHECK(kind_of(labelled("Aty-jóni")) == "person_name");
  CHECK(kind_of(labelled("Telefon nómirińiz")) == "phone");
  CHECK(kind_of(labelled("Elektrondyq poshtańyz")) == "email");
  CHECK(kind_of(labelled("Mekenjaıyńyz")) == "address");
  CHECK(kind_of(labelled("JSN")) == "iin");
  CHECK(kind_of(labelled("Týǵan kúnińiz")) == "birth_date");
  CHECK(kind_of(labelled("Qonaqtar sany")) == "none");
}

TEST_CASE("abbreviations, contact persons and log-ins that take an e-mail", "[fields]") {
  CHECK(kind_of(labelled("Ф.И.О")) == "person_name");
  CHECK(kind_of(named("fio")) == "person_name");
  CHECK(kind_of(labelled("Байланысатын адам")) == "person_name");
  CHECK(kind_of(labelled("Адам саны")) == "none");
  CHECK(kind_of(labelled("What should we call you?")) == "person_name");
  CHECK(kind_of(labelled("Best number to call you on")) == "phone");
  // A log-in that may be typed as an e-mail address is masked as one.
  CHECK(kind_of(labelled("E-mail / логин")) == "email");
  CHECK(kind_of(labelled("Логин или e-mail")) == "email");
  CHECK(kind_of(labelled("Логин")) == "none");
}

TEST_CASE("a question about who someone is asks for a name", "[fields]") {
  CHECK(kind_of(labelled("Кто будет встречать гостей?")) == "person_name");
  CHECK(kind_of(labelled("Who can we call? (phone)")) == "phone");  // a stronger word wins
  CHECK(kind_of(labelled("Кого спросить у входа?")) == "person_name");
  CHECK(kind_of(labelled("Тапсырысты кім алады?")) == "person_name");  // not "тапсырыс"
  CHECK(kind_of(labelled("Kimge tabys etemiz?")) == "person_name");
  CHECK(kind_of(labelled("Who will collect the order?")) == "person_name");  // not "order"
}

TEST_CASE("people by their part in the visit", "[fields]") {
  CHECK(kind_of(labelled("Представитель клиента")) == "person_name");
  CHECK(kind_of(labelled("Заказчик")) == "person_name");  // not "заказ"
  CHECK(kind_of(labelled("Телефон заказчика")) == "phone");
  CHECK(kind_of(labelled("Тапсырыс берушінің Т.А.Ә.")) == "person_name");
  CHECK(kind_of(labelled("T.A.Á.")) == "person_name");
  CHECK(kind_of(labelled("Фамилии участников")) == "person_name");
  CHECK(kind_of(labelled("Как вас называть?")) == "person_name");
  CHECK(kind_of(labelled("Сізді қалай атаймыз?")) == "person_name");
  CHECK(kind_of(labelled("Main passenger")) == "person_name");
  CHECK(kind_of(labelled("Club captain")) == "person_name");  // not "club"
  CHECK(kind_of(labelled("Pick-up person")) == "person_name");
  CHECK(kind_of(labelled("Name for the reservation")) == "person_name");
  CHECK(kind_of(labelled("Туған күн иесінің есімі")) == "person_name");  // not a birth date
  CHECK(kind_of(labelled("Price per person")) == "none");
}

TEST_CASE("the names of animals and things are no one's; free text about them is", "[fields]") {
  CHECK(kind_of(labelled("Кличка собаки")) == "none");
  CHECK(kind_of(labelled("ФИО хозяина питомца")) == "person_name");  // a person, whose pet
  CHECK(kind_of(labelled("Имя владельца собаки")) == "person_name");
  CHECK(kind_of(labelled("Pet owner's name")) == "person_name");
  CHECK(kind_of(labelled("Жануар иесінің аты-жөні")) == "person_name");
  CHECK(kind_of(labelled("Имя питомца")) == "none");
  CHECK(kind_of(labelled("Мысықтың аты")) == "person_name");  // unknown animal words stay masked
  CHECK(kind_of(labelled("Үй жануарының аты")) == "none");
  CHECK(kind_of(labelled("Your cat's name")) == "none");
  CHECK(kind_of(labelled("Project name")) == "none");
  CHECK(kind_of(labelled("Имя файла макета")) == "none");
  CHECK(kind_of(labelled("Kompaniya atauy")) == "none");
  CHECK(kind_of(labelled("Что беспокоит питомца?", "textarea")) == "message");
  CHECK(kind_of(labelled("Venue address")) == "address");
  CHECK(kind_of(labelled("Адрес доставки товара")) == "address");  // an address, whoever's
  CHECK(kind_of(labelled("Team address")) == "address");
}

TEST_CASE("occasions, greeting-card texts, offices and date masks", "[fields]") {
  CHECK(kind_of(labelled("Повод: день рождения, юбилей")) == "none");
  CHECK(kind_of(labelled("What's the occasion? (birthday…)")) == "none");
  CHECK(kind_of(labelled("Дата рождения")) == "birth_date");
  CHECK(kind_of(labelled("Текст на открытке", "textarea")) == "message");
  CHECK(kind_of(labelled("Gift message for the card")) == "message");
  CHECK(kind_of(labelled("Подарочная карта")) == "none");
  CHECK(kind_of(labelled("Номер офиса")) == "address");
  CHECK(kind_of(labelled("Kóshe")) == "address");
  CHECK(kind_of(labelled("Домашний телефон")) == "phone");
  CHECK(kind_of(labelled("Домашние растения")) == "none");  // "дом" is a house only as a word
  FieldInfo born = named("client_birth");
  born.placeholder = "дд.мм.гггг";
  CHECK(kind_of(born) == "birth_date");  // a date mask, not a card expiry
  CHECK(kind_of(labelled("ММ/ГГ")) == "card");
}
