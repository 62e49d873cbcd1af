// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests of the LIST syntax (core/text/numberlist.h). */
#include "text/numberlist.h"

#include <QMetaType>
#include <QTest>

#include <string>
#include <vector>

using logitlab::ListErrorKind;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(logitlab::ListErrorKind)
Q_DECLARE_METATYPE(std::vector<std::string>)
Q_DECLARE_METATYPE(std::vector<std::size_t>)

namespace {

std::string join(const std::vector<std::string> &v)
{
    std::string s;
    for (const auto &t : v)
        s += (s.empty() ? "" : "|") + t;
    return s;
}

} // namespace

/** \brief Parsing of pasted number lists and matrices. */
class TestNumberList : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void list_data();
    void list();
    void listErrors_data();
    void listErrors();
    void matrix_data();
    void matrix();
    void matrixErrors_data();
    void matrixErrors();
    void raggedRowNamed_data();
    void raggedRowNamed();
    void isNumberToken_data();
    void isNumberToken();
    void inputMethod_data();
    void inputMethod();
    void inputMethodErrors_data();
    void inputMethodErrors();
};

void TestNumberList::list_data()
{
    QTest::addColumn<std::string>("input");
    QTest::addColumn<std::vector<std::string>>("tokens");
    QTest::addColumn<std::vector<std::size_t>>("positions");
    using S = std::vector<std::string>;
    using P = std::vector<std::size_t>;
    QTest::addRow("commas") << std::string("1,2,3") << S {"1", "2", "3"} << P {0, 2, 4};
    QTest::addRow("comma and space") << std::string("-3, 2, -1, 0") << S {"-3", "2", "-1", "0"} << P {0, 4, 7, 11};
    QTest::addRow("spaces only") << std::string("1 2   3") << S {"1", "2", "3"} << P {0, 2, 6};
    QTest::addRow("tabs and newlines") << std::string("1\t2\n3\r\n4") << S {"1", "2", "3", "4"} << P {0, 2, 4, 7};
    QTest::addRow("brackets") << std::string("[1000, 2000, 3000]") << S {"1000", "2000", "3000"} << P {1, 7, 13};
    QTest::addRow("single element") << std::string("42") << S {"42"} << P {0};
    QTest::addRow("single in brackets") << std::string("[ 42 ]") << S {"42"} << P {2};
    QTest::addRow("leading and trailing space") << std::string("  1 ,2  ") << S {"1", "2"} << P {2, 5};
    QTest::addRow("trailing comma (Python)") << std::string("[1, 2,]") << S {"1", "2"} << P {1, 4};
    QTest::addRow("NumPy repr 1.e+03") << std::string("[1.e+03 2.e+03 3.e+03]") << S {"1.e+03", "2.e+03", "3.e+03"}
                                       << P {1, 8, 15};
    QTest::addRow("NumPy array() with dtype")
        << std::string("array([1., 2.], dtype=float32)") << S {"1.", "2."} << P {7, 11};
    QTest::addRow("NumPy array() without dtype") << std::string("array([0.5, -1.5])") << S {"0.5", "-1.5"} << P {7, 12};
    QTest::addRow("NumPy array() with inf and nan")
        << std::string("array([ inf, -inf,  nan], dtype=float64)") << S {"inf", "-inf", "nan"} << P {8, 13, 20};
    QTest::addRow("Python list floats") << std::string("[0.1, 0.2, 0.30000000000000004]")
                                        << S {"0.1", "0.2", "0.30000000000000004"} << P {1, 6, 11};
    QTest::addRow("inf nan any case") << std::string("inf, -INF, NaN, +Inf, nAn, Infinity, -infinity")
                                      << S {"inf", "-INF", "NaN", "+Inf", "nAn", "Infinity", "-infinity"}
                                      << P {0, 5, 11, 16, 22, 27, 37};
    QTest::addRow("scientific notation") << std::string("1e3 -2.5E-4 .5e+1 6.") << S {"1e3", "-2.5E-4", ".5e+1", "6."}
                                         << P {0, 4, 12, 18};
    QTest::addRow("nested brackets flattened")
        << std::string("[[1, 2], [3, 4]]") << S {"1", "2", "3", "4"} << P {2, 5, 10, 13};
    QTest::addRow("ragged lines flattened") << std::string("1 2\n3") << S {"1", "2", "3"} << P {0, 2, 4};
    QTest::addRow("semicolons flattened") << std::string("1;2;3") << S {"1", "2", "3"} << P {0, 2, 4};
}

void TestNumberList::list()
{
    QFETCH(std::string, input);
    QFETCH(std::vector<std::string>, tokens);
    QFETCH(std::vector<std::size_t>, positions);
    const auto result = logitlab::parseNumberList(input);
    const auto *list = std::get_if<std::vector<logitlab::NumberToken>>(&result);
    if (!list)
        QFAIL(("error at " + std::to_string(std::get<logitlab::ListError>(result).position)).c_str());
    std::vector<std::string> texts;
    std::vector<std::size_t> where;
    for (const auto &t : *list) {
        texts.push_back(t.text);
        where.push_back(t.position);
        QCOMPARE(input.substr(t.position, t.length), t.text); // the position points at the token
    }
    QCOMPARE(join(texts), join(tokens));
    QCOMPARE(where, positions);
}

void TestNumberList::listErrors_data()
{
    QTest::addColumn<std::string>("input");
    QTest::addColumn<ListErrorKind>("kind");
    QTest::addColumn<int>("position");
    QTest::addColumn<std::string>("token");
    QTest::addRow("empty text") << std::string("") << ListErrorKind::Empty << 0 << std::string();
    QTest::addRow("only spaces") << std::string("   \n ") << ListErrorKind::Empty << 0 << std::string();
    QTest::addRow("empty brackets") << std::string("[]") << ListErrorKind::Empty << 0 << std::string();
    QTest::addRow("only commas") << std::string(", ,") << ListErrorKind::Empty << 0 << std::string();
    QTest::addRow("empty NumPy array") << std::string("array([], dtype=float32)") << ListErrorKind::Empty << 0
                                       << std::string();
    QTest::addRow("word") << std::string("1, 2, x, 4") << ListErrorKind::BadToken << 6 << std::string("x");
    QTest::addRow("glued letters") << std::string("1,2a") << ListErrorKind::BadToken << 2 << std::string("2a");
    QTest::addRow("bad exponent") << std::string("[1e, 2]") << ListErrorKind::BadToken << 1 << std::string("1e");
    QTest::addRow("double sign") << std::string("--1") << ListErrorKind::BadToken << 0 << std::string("--1");
    QTest::addRow("hex") << std::string("0x10 1") << ListErrorKind::BadToken << 0 << std::string("0x10");
    QTest::addRow("two points") << std::string("1 1.2.3") << ListErrorKind::BadToken << 2 << std::string("1.2.3");
    QTest::addRow("tuple parenthesis") << std::string("(1, 2)") << ListErrorKind::BadToken << 0 << std::string("(1");
    QTest::addRow("lone dot") << std::string("1 . 2") << ListErrorKind::BadToken << 2 << std::string(".");
    QTest::addRow("bad token inside array()")
        << std::string("array([1., y])") << ListErrorKind::BadToken << 11 << std::string("y");
    QTest::addRow("unclosed [") << std::string("[1, 2") << ListErrorKind::UnbalancedBracket << 0 << std::string("[");
    QTest::addRow("stray ]") << std::string("1, 2]") << ListErrorKind::UnbalancedBracket << 4 << std::string("]");
    QTest::addRow("inner unclosed [") << std::string("[[1, 2], [3, 4]") << ListErrorKind::UnbalancedBracket << 0
                                      << std::string("[");
    QTest::addRow("one ] too many") << std::string("[1]]") << ListErrorKind::UnbalancedBracket << 3 << std::string("]");
    // A third level of brackets is a 3-D array, not a list (it was flattened to 8 numbers).
    QTest::addRow("3-D array") << std::string("[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]") << ListErrorKind::TooDeep << 2
                               << std::string("[");
    QTest::addRow("10000 levels") << std::string(10000, '[') + "1" + std::string(10000, ']') << ListErrorKind::TooDeep
                                  << 2 << std::string("[");
}

void TestNumberList::listErrors()
{
    QFETCH(std::string, input);
    QFETCH(ListErrorKind, kind);
    QFETCH(int, position);
    QFETCH(std::string, token);
    const auto result = logitlab::parseNumberList(input);
    const auto *error = std::get_if<logitlab::ListError>(&result);
    QVERIFY(error);
    QCOMPARE(error->kind, kind);
    QCOMPARE(error->position, static_cast<std::size_t>(position));
    QCOMPARE(error->token, token);
    QCOMPARE(error->length, token.size());
}

void TestNumberList::matrix_data()
{
    QTest::addColumn<std::string>("input");
    QTest::addColumn<std::string>("rows"); // rows joined by ';', tokens by ','
    QTest::addRow("nested lists") << std::string("[[1, 2], [3, 4]]") << std::string("1,2;3,4");
    QTest::addRow("NumPy 2-D repr") << std::string("[[1. 2.]\n [3. 4.]\n [5. 6.]]") << std::string("1.,2.;3.,4.;5.,6.");
    QTest::addRow("NumPy array() 2-D") << std::string("array([[1., 2.],\n       [3., 4.]], dtype=float32)")
                                       << std::string("1.,2.;3.,4.");
    QTest::addRow("lines") << std::string("1 2 3\n4 5 6") << std::string("1,2,3;4,5,6");
    QTest::addRow("lines with CRLF and trailing newline") << std::string("1, 2\r\n3, 4\r\n") << std::string("1,2;3,4");
    QTest::addRow("blank line between rows") << std::string("1 2\n\n3 4") << std::string("1,2;3,4");
    QTest::addRow("semicolons") << std::string("1 2; 3 4") << std::string("1,2;3,4");
    QTest::addRow("single row") << std::string("[1, 2, 3]") << std::string("1,2,3");
    QTest::addRow("wrapped NumPy row stays one row")
        << std::string("[1. 2. 3.\n 4. 5.]") << std::string("1.,2.,3.,4.,5.");
    QTest::addRow("column vector") << std::string("[[1], [2], [3]]") << std::string("1;2;3");
    QTest::addRow("non-finite entries") << std::string("[[inf, -inf], [nan, 0]]") << std::string("inf,-inf;nan,0");
}

void TestNumberList::matrix()
{
    QFETCH(std::string, input);
    QFETCH(std::string, rows);
    const auto result = logitlab::parseNumberMatrix(input);
    const auto *m = std::get_if<std::vector<std::vector<logitlab::NumberToken>>>(&result);
    if (!m)
        QFAIL(("error at " + std::to_string(std::get<logitlab::ListError>(result).position)).c_str());
    std::string got;
    for (const auto &row : *m) {
        if (!got.empty())
            got += ';';
        std::string r;
        for (const auto &t : row) {
            r += (r.empty() ? "" : ",") + t.text;
            QCOMPARE(input.substr(t.position, t.length), t.text);
        }
        got += r;
    }
    QCOMPARE(got, rows);
}

void TestNumberList::matrixErrors_data()
{
    QTest::addColumn<std::string>("input");
    QTest::addColumn<ListErrorKind>("kind");
    QTest::addColumn<int>("position");
    QTest::addRow("ragged nested lists") << std::string("[[1, 2], [3]]") << ListErrorKind::RaggedRows << 10;
    QTest::addRow("ragged lines") << std::string("1 2 3\n4 5") << ListErrorKind::RaggedRows << 6;
    QTest::addRow("ragged semicolons") << std::string("1; 2 3") << ListErrorKind::RaggedRows << 3;
    QTest::addRow("empty") << std::string("[[]]") << ListErrorKind::Empty << 0;
    QTest::addRow("bad token") << std::string("[[1, 2], [3, four]]") << ListErrorKind::BadToken << 13;
    QTest::addRow("unbalanced") << std::string("[[1, 2], [3, 4]") << ListErrorKind::UnbalancedBracket << 0;
    // Read as 2x4 before: a 2x2x2 array must not become a matrix of another shape.
    QTest::addRow("3-D array") << std::string("[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]") << ListErrorKind::TooDeep << 2;
    QTest::addRow("third level later") << std::string("[[1, 2], [[3, 4]]]") << ListErrorKind::TooDeep << 10;
}

void TestNumberList::matrixErrors()
{
    QFETCH(std::string, input);
    QFETCH(ListErrorKind, kind);
    QFETCH(int, position);
    const auto result = logitlab::parseNumberMatrix(input);
    const auto *error = std::get_if<logitlab::ListError>(&result);
    QVERIFY(error);
    QCOMPARE(error->kind, kind);
    QCOMPARE(error->position, static_cast<std::size_t>(position));
}

// The first row whose length differs from row 0's, counted by hand in each input.
void TestNumberList::raggedRowNamed_data()
{
    QTest::addColumn<std::string>("input");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("rowLength");
    QTest::addColumn<int>("firstRowLength");
    QTest::addRow("second nested list shorter") << std::string("[[1, 2], [3]]") << 1 << 1 << 2;
    QTest::addRow("second line shorter") << std::string("1 2 3\n4 5") << 1 << 2 << 3;
    QTest::addRow("third row by ; longer") << std::string("1 2; 3 4; 5 6 7") << 2 << 3 << 2;
    QTest::addRow("third nested list longer") << std::string("[[1,2],[3,4],[5,6,7]]") << 2 << 3 << 2;
    QTest::addRow("full-width brackets") << std::string("［［1，2］，［3，4，5］］") << 1 << 3 << 2;
}

void TestNumberList::raggedRowNamed()
{
    QFETCH(std::string, input);
    QFETCH(int, row);
    QFETCH(int, rowLength);
    QFETCH(int, firstRowLength);
    const auto result = logitlab::parseNumberMatrix(input);
    const auto *error = std::get_if<logitlab::ListError>(&result);
    QVERIFY(error);
    QCOMPARE(error->kind, ListErrorKind::RaggedRows);
    QCOMPARE(error->row, static_cast<std::size_t>(row));
    QCOMPARE(error->rowLength, static_cast<std::size_t>(rowLength));
    QCOMPARE(error->firstRowLength, static_cast<std::size_t>(firstRowLength));
}

void TestNumberList::isNumberToken_data()
{
    QTest::addColumn<std::string>("token");
    QTest::addColumn<bool>("number");
    for (const char *good : {"0", "-0", "+1", "1.", ".5", "-.5", "1e5", "1E+05", "1.5e-300", "1e99999", "inf", "-Inf",
             "INFINITY", "nan", "NaN", "-nan", "123456789012345678901234567890"})
        QTest::addRow("number %s", good) << std::string(good) << true;
    for (const char *bad : {"", "-", "+", ".", "e", "1e", "1e-", "--1", "1-", "1.2.3", "0x1p3", "inf1", "nan()", "1,5",
             "1 5", "[1]", "one", "1f", "1_0"})
        QTest::addRow("not a number '%s'", bad) << std::string(bad) << false;
}

void TestNumberList::isNumberToken()
{
    QFETCH(std::string, token);
    QFETCH(bool, number);
    QCOMPARE(logitlab::isNumberToken(token), number);
}

// What a Chinese input method types: full-width punctuation and digits (U+FF0C ，, U+FF1B ；,
// U+FF3B/FF3D ［］, U+FF10.. digits, 3 UTF-8 bytes each), the ideographic comma 、, space and full
// stop 。 (3 bytes), the no-break space (2 bytes) and U+2212 − (3 bytes). Expected tokens are the
// ASCII they stand for; positions and lengths are byte offsets in the text as typed, counted here
// by hand from those byte widths.
void TestNumberList::inputMethod_data()
{
    QTest::addColumn<std::string>("input");
    QTest::addColumn<std::string>("rows"); // rows joined by ';', tokens by ','
    QTest::addColumn<std::vector<std::size_t>>("positions");
    QTest::addColumn<std::vector<std::size_t>>("lengths");
    using P = std::vector<std::size_t>;
    QTest::addRow("full-width commas 1，2，3")
        << std::string("1\uFF0C2\uFF0C3") << std::string("1,2,3") << P {0, 4, 8} << P {1, 1, 1};
    QTest::addRow("full-width comma and ideographic space")
        << std::string("1\uFF0C\u30002") << std::string("1,2") << P {0, 7} << P {1, 1};
    QTest::addRow("ideographic comma 、") << std::string("1\u30012") << std::string("1,2") << P {0, 4} << P {1, 1};
    QTest::addRow("full-width brackets and digits ［１０００，２０００］")
        << std::string("\uFF3B\uFF11\uFF10\uFF10\uFF10\uFF0C\uFF12\uFF10\uFF10\uFF10\uFF3D") << std::string("1000,2000")
        << P {3, 18} << P {12, 12};
    QTest::addRow("Unicode minus −3") << std::string("\u22123, 2") << std::string("-3,2") << P {0, 6} << P {4, 1};
    QTest::addRow("full-width minus and point －０．５")
        << std::string("\uFF0D\uFF10\uFF0E\uFF15") << std::string("-0.5") << P {0} << P {12};
    QTest::addRow("ideographic full stop as point 0。5")
        << std::string("0\u30025") << std::string("0.5") << P {0} << P {5};
    QTest::addRow("no-break spaces") << std::string("1\u00A02\u00A03") << std::string("1,2,3") << P {0, 3, 6}
                                     << P {1, 1, 1};
    QTest::addRow("full-width semicolon rows 1 2；3 4")
        << std::string("1 2\uFF1B3 4") << std::string("1,2;3,4") << P {0, 2, 6, 8} << P {1, 1, 1, 1};
    QTest::addRow("full-width exponent 1ｅ3") << std::string("1\uFF453") << std::string("1e3") << P {0} << P {5};
}

void TestNumberList::inputMethod()
{
    QFETCH(std::string, input);
    QFETCH(std::string, rows);
    QFETCH(std::vector<std::size_t>, positions);
    QFETCH(std::vector<std::size_t>, lengths);
    const auto result = logitlab::parseNumberMatrix(input);
    const auto *m = std::get_if<std::vector<std::vector<logitlab::NumberToken>>>(&result);
    if (!m)
        QFAIL(("error at " + std::to_string(std::get<logitlab::ListError>(result).position)).c_str());
    std::string got;
    std::vector<std::size_t> where, sizes;
    for (const auto &row : *m) {
        got += got.empty() ? "" : ";";
        std::string r;
        for (const auto &t : row) {
            r += (r.empty() ? "" : ",") + t.text;
            where.push_back(t.position);
            sizes.push_back(t.length);
        }
        got += r;
    }
    QCOMPARE(got, rows);
    QCOMPARE(where, positions);
    QCOMPARE(sizes, lengths);
    // The flat list reads the same numbers.
    const auto flat = logitlab::parseNumberList(input);
    QVERIFY(std::holds_alternative<std::vector<logitlab::NumberToken>>(flat));
    QCOMPARE(std::get<0>(flat).size(), positions.size());
}

void TestNumberList::inputMethodErrors_data()
{
    QTest::addColumn<std::string>("input");
    QTest::addColumn<int>("position");
    QTest::addColumn<std::string>("token"); // as typed, so the message quotes what is on screen
    QTest::addRow("word after full-width comma") << std::string("1\uFF0Cx") << 4 << std::string("x");
    QTest::addRow("full-width letters quoted as typed")
        << std::string("1\uFF0C\uFF41\uFF42") << 4 << std::string("\uFF41\uFF42");
    QTest::addRow("unknown CJK character") << std::string("1\uFF0C\u4E00") << 4 << std::string("\u4E00");
    QTest::addRow("unclosed full-width bracket") << std::string("\uFF3B1, 2") << 0 << std::string("\uFF3B");
}

void TestNumberList::inputMethodErrors()
{
    QFETCH(std::string, input);
    QFETCH(int, position);
    QFETCH(std::string, token);
    const auto result = logitlab::parseNumberList(input);
    const auto *error = std::get_if<logitlab::ListError>(&result);
    QVERIFY(error);
    QCOMPARE(error->position, static_cast<std::size_t>(position));
    QCOMPARE(error->token, token);
    QCOMPARE(error->length, token.size());
}

QTEST_APPLESS_MAIN(TestNumberList)
#include "tst_numberlist.moc"
