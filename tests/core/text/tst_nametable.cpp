// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests of the name tables of the enums (core/text/nametable.h) and the parsers built on them. */
#include "data/synthetic.h"
#include "nn/activation.h"
#include "nn/network.h"
#include "nn/optimizer.h"
#include "nn/outputhead.h"
#include "precision/format.h"
#include "text/nametable.h"

#include <QTest>

#include <optional>
#include <string>

using namespace logitlab;

Q_DECLARE_METATYPE(std::string)

namespace {

/** A table of the helper's own: one alias ("rouge"), one value it does not list (Blue). */
enum class Colour { Red, Green, Blue };
constexpr NameTable<Colour, 3> colourNames {{{Colour::Red, "red"}, {Colour::Red, "rouge"}, {Colour::Green, "green"}}};

// Both look-ups are constexpr.
static_assert(nameOf(colourNames, Colour::Red) == "red");
static_assert(parseNameIn(colourNames, "rouge") == Colour::Red);
static_assert(!parseNameIn(colourNames, "blue"));

/** The canonical name of what \a table's public parser reads in \a text; nullopt if it reads nothing. */
std::optional<std::string> reparse(const std::string &table, const std::string &text)
{
    const auto via = [&](auto parse, auto name) -> std::optional<std::string> {
        const auto value = parse(text);
        if (!value)
            return std::nullopt;
        return std::string(name(*value));
    };
    if (table == "head")
        return via(parseHead, headName);
    if (table == "activation")
        return via(parseActivation, activationName);
    if (table == "init")
        return via(parseInit, initName);
    if (table == "optimizer")
        return via(parseOptimizer, optimizerName);
    if (table == "synthetic")
        return via(parseSynthetic, syntheticName);
    if (table == "format")
        return via(parseFormat, formatName);
    return via([](std::string_view t) { return parseNameIn(colourNames, t); },
        [](Colour c) { return nameOf(colourNames, c); });
}

/** One row per entry of \a names: the entry's name, which must read back as itself. */
template <class E, std::size_t N> void addEntries(const char *table, const NameTable<E, N> &names)
{
    for (const auto &[value, name] : names)
        QTest::addRow("%s %s", table, std::string(name).c_str()) << std::string(table) << std::string(name);
}

} // namespace

class TestNameTable : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void entriesAreOneToOne();
    void parse_data();
    void parse();
    void edgeCases();
};

void TestNameTable::roundTrip_data()
{
    QTest::addColumn<std::string>("table");
    QTest::addColumn<std::string>("name");
    addEntries("head", headNames);
    addEntries("activation", activationNames);
    addEntries("init", initNames);
    addEntries("optimizer", optimizerNames);
    addEntries("synthetic", syntheticNames);
    for (Format f : allFormats)
        QTest::addRow("format %s", std::string(formatName(f)).c_str())
            << std::string("format") << std::string(formatName(f));
}

// name -> value -> name gives the name back, through the public functions the callers use.
void TestNameTable::roundTrip()
{
    QFETCH(std::string, table);
    QFETCH(std::string, name);
    QVERIFY(!name.empty());
    const auto back = reparse(table, name);
    QVERIFY(back.has_value());
    QCOMPARE(QString::fromStdString(*back), QString::fromStdString(name));
}

// Tables without aliases: entry i's value has entry i's name and that name reads back as entry
// i's value, so no name and no value is listed twice; and every enum value is listed.
void TestNameTable::entriesAreOneToOne()
{
    const auto check = [](const auto &names, std::size_t enumCount) {
        QCOMPARE(names.size(), enumCount);
        for (std::size_t i = 0; i < names.size(); ++i) {
            const auto &[value, name] = names[i];
            QCOMPARE(static_cast<std::size_t>(value), i); // listed in the enum's order
            QVERIFY(nameOf(names, value) == name);
            QVERIFY(parseNameIn(names, name) == value);
        }
    };
    check(headNames, 6); // Softmax .. SigmoidLogits
    check(activationNames, 5); // ReLU .. Linear
    check(initNames, 2); // Glorot, He
    check(optimizerNames, 3); // Sgd, Momentum, Adam
    check(syntheticNames, 4); // Spiral .. Blobs
}

void TestNameTable::parse_data()
{
    QTest::addColumn<std::string>("table");
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("expected"); // canonical name read, "" when nothing is

    // Known names and aliases, spelled as the CLI's help and the settings write them.
    QTest::addRow("head softmax-clipped")
        << std::string("head") << std::string("softmax-clipped") << std::string("softmax-clipped");
    QTest::addRow("activation leaky-relu")
        << std::string("activation") << std::string("leaky-relu") << std::string("leaky-relu");
    QTest::addRow("format alias half") << std::string("format") << std::string("half") << std::string("float16");
    QTest::addRow("format alias FP16 (any case)")
        << std::string("format") << std::string("FP16") << std::string("float16");
    QTest::addRow("format alias bf16") << std::string("format") << std::string("bf16") << std::string("bfloat16");
    QTest::addRow("format alias double") << std::string("format") << std::string("double") << std::string("float64");
    QTest::addRow("format alias Long Double")
        << std::string("format") << std::string("Long Double") << std::string("float80");
    QTest::addRow("alias gives the canonical name")
        << std::string("colour") << std::string("rouge") << std::string("red");

    // Unknown text: other case, extra space, a prefix, a near miss.
    QTest::addRow("head Softmax (case)") << std::string("head") << std::string("Softmax") << std::string();
    QTest::addRow("head trailing space") << std::string("head") << std::string("softmax ") << std::string();
    QTest::addRow("head prefix soft") << std::string("head") << std::string("soft") << std::string();
    QTest::addRow("activation relu6") << std::string("activation") << std::string("relu6") << std::string();
    QTest::addRow("init xavier") << std::string("init") << std::string("xavier") << std::string();
    QTest::addRow("optimizer SGD (case)") << std::string("optimizer") << std::string("SGD") << std::string();
    QTest::addRow("synthetic spirals") << std::string("synthetic") << std::string("spirals") << std::string();
    QTest::addRow("format float 32") << std::string("format") << std::string("float 32") << std::string();
    QTest::addRow("format f16") << std::string("format") << std::string("f16") << std::string();
    QTest::addRow("colour blue (value not listed)") << std::string("colour") << std::string("blue") << std::string();

    // Empty text names nothing.
    for (const char *table : {"head", "activation", "init", "optimizer", "synthetic", "format", "colour"})
        QTest::addRow("%s empty", table) << std::string(table) << std::string() << std::string();
}

void TestNameTable::parse()
{
    QFETCH(std::string, table);
    QFETCH(std::string, text);
    QFETCH(std::string, expected);
    const auto read = reparse(table, text);
    QCOMPARE(read.has_value(), !expected.empty());
    if (read)
        QCOMPARE(QString::fromStdString(*read), QString::fromStdString(expected));
}

// A value the table does not list has no name; an empty table names nothing and reads nothing.
void TestNameTable::edgeCases()
{
    QVERIFY(nameOf(colourNames, Colour::Blue).empty());
    QVERIFY(nameOf(colourNames, Colour::Green) == "green");
    constexpr NameTable<Colour, 0> none {};
    QVERIFY(nameOf(none, Colour::Red).empty());
    QVERIFY(!parseNameIn(none, ""));
    QVERIFY(!parseNameIn(none, "red"));
}

QTEST_APPLESS_MAIN(TestNameTable)
#include "tst_nametable.moc"
