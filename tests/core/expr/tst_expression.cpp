// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests of the expression parser (core/expr/expression.h). */
#include "expr/expression.h"

#include <QMetaType>
#include <QTest>

#include <algorithm>
#include <string>

using logitlab::ExprErrorKind;
using logitlab::ExprOp;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(logitlab::ExprErrorKind)

namespace {

/** The tree as an S-expression: "(+ 1 (* 2 3))". */
std::string sexpr(const logitlab::ExprNode &n)
{
    const char *name = "?";
    switch (n.op) {
    case ExprOp::Literal: return n.literal;
    case ExprOp::Add: name = "+"; break;
    case ExprOp::Sub: name = "-"; break;
    case ExprOp::Mul: name = "*"; break;
    case ExprOp::Div: name = "/"; break;
    case ExprOp::Neg: name = "neg"; break;
    case ExprOp::Pow: name = "^"; break;
    case ExprOp::Exp: name = "exp"; break;
    case ExprOp::Log: name = "log"; break;
    case ExprOp::Log1p: name = "log1p"; break;
    case ExprOp::Expm1: name = "expm1"; break;
    case ExprOp::Sqrt: name = "sqrt"; break;
    }
    std::string s = std::string("(") + name;
    for (const auto &a : n.args)
        s += " " + sexpr(*a);
    return s + ")";
}

std::string repeat(const std::string &s, int n)
{
    std::string r;
    for (int i = 0; i < n; ++i)
        r += s;
    return r;
}

} // namespace

/** \brief Grammar, precedence, errors with positions, and limits. */
class TestExpression : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void functions();
    void inputMethod_data();
    void inputMethod();
};

void TestExpression::parse_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("tree");
    QTest::addColumn<int>("operations");
    QTest::addRow("seed 2/10000") << std::string("2/10000") << std::string("(/ 2 10000)") << 1;
    QTest::addRow("seed (1+1/10000)-(1-1/10000)")
        << std::string("(1+1/10000)-(1-1/10000)") << std::string("(- (+ 1 (/ 1 10000)) (- 1 (/ 1 10000)))") << 5;
    QTest::addRow("* binds tighter than +") << std::string("1+2*3") << std::string("(+ 1 (* 2 3))") << 2;
    QTest::addRow("parentheses") << std::string("(1+2)*3") << std::string("(* (+ 1 2) 3)") << 2;
    QTest::addRow("- is left-associative") << std::string("1-2-3") << std::string("(- (- 1 2) 3)") << 2;
    QTest::addRow("/ is left-associative") << std::string("8/4/2") << std::string("(/ (/ 8 4) 2)") << 2;
    QTest::addRow("^ is right-associative") << std::string("2^3^2") << std::string("(^ 2 (^ 3 2))") << 2;
    QTest::addRow("** is right-associative") << std::string("2**3**2") << std::string("(^ 2 (^ 3 2))") << 2;
    QTest::addRow("-2^2 is -(2^2)") << std::string("-2^2") << std::string("(neg (^ 2 2))") << 2;
    QTest::addRow("-2**2 is -(2**2)") << std::string("-2**2") << std::string("(neg (^ 2 2))") << 2;
    QTest::addRow("2^-1") << std::string("2^-1") << std::string("(^ 2 (neg 1))") << 2;
    QTest::addRow("2*3**2") << std::string("2*3**2") << std::string("(* 2 (^ 3 2))") << 2;
    QTest::addRow("2*-3") << std::string("2*-3") << std::string("(* 2 (neg 3))") << 2;
    QTest::addRow("double minus") << std::string("--1") << std::string("(neg (neg 1))") << 2;
    QTest::addRow("unary plus") << std::string("+1") << std::string("1") << 0;
    QTest::addRow("-(1+2)") << std::string("-(1+2)") << std::string("(neg (+ 1 2))") << 2;
    QTest::addRow("white space") << std::string("  1 +\t2 ") << std::string("(+ 1 2)") << 1;
    QTest::addRow("literals") << std::string(".5*2.+1e-3+1E+3") << std::string("(+ (+ (* .5 2.) 1e-3) 1E+3)") << 3;
    QTest::addRow("functions") << std::string("exp(1)+ln(2)-log(3)") << std::string("(- (+ (exp 1) (log 2)) (log 3))")
                               << 5;
    QTest::addRow("log1p expm1 sqrt") << std::string("log1p(1e-10)*expm1(1e-10)/sqrt(2)")
                                      << std::string("(/ (* (log1p 1e-10) (expm1 1e-10)) (sqrt 2))") << 5;
    QTest::addRow("pow two arguments") << std::string("pow(2, 3)") << std::string("(^ 2 3)") << 1;
    QTest::addRow("function with space before (") << std::string("exp (1)") << std::string("(exp 1)") << 1;
    QTest::addRow("nested functions") << std::string("sqrt(exp(log(4)))") << std::string("(sqrt (exp (log 4)))") << 3;
    QTest::addRow("exponent of function") << std::string("exp(1)^2") << std::string("(^ (exp 1) 2)") << 2;
    // 15 nested parentheses are well within the depth limit.
    QTest::addRow("15 nested parentheses") << repeat("(", 15) + "1" + repeat(")", 15) << std::string("1") << 0;
    // 199 additions: 399 nodes, just below maxExpressionNodes = 400.
    QTest::addRow("399 nodes") << "1" + repeat("+1", 199) << std::string() << 199;
}

void TestExpression::parse()
{
    QFETCH(std::string, text);
    QFETCH(std::string, tree);
    QFETCH(int, operations);
    auto result = logitlab::parseExpression(text);
    auto *e = std::get_if<logitlab::Expression>(&result);
    if (!e) {
        const auto &err = std::get<logitlab::ExprError>(result);
        QFAIL(("error kind " + std::to_string(int(err.kind)) + " at " + std::to_string(err.position)).c_str());
    }
    QVERIFY(e->root);
    QCOMPARE(e->source, text);
    if (!tree.empty())
        QCOMPARE(sexpr(*e->root), tree);
    QCOMPARE(e->operations, static_cast<std::size_t>(operations));
    // The root's text range lies inside the source.
    QVERIFY(e->root->begin <= e->root->end && e->root->end <= text.size());
}

void TestExpression::errors_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<ExprErrorKind>("kind");
    QTest::addColumn<int>("position");
    QTest::addColumn<std::string>("token"); // "*" means: do not check
    QTest::addRow("empty") << std::string("") << ExprErrorKind::Empty << 0 << std::string();
    QTest::addRow("white space only") << std::string(" \t\n") << ExprErrorKind::Empty << 0 << std::string();
    QTest::addRow("2 * * 3") << std::string("2 * * 3") << ExprErrorKind::UnexpectedToken << 4 << std::string("*");
    // Full-width ＊ (3 UTF-8 bytes): the second one starts at byte 2 + 3 + 1 = 6 and is quoted as typed.
    QTest::addRow("2 ＊ ＊ 3 typed with an input method")
        << std::string("2 \uFF0A \uFF0A 3") << ExprErrorKind::UnexpectedToken << 6 << std::string("\uFF0A");
    QTest::addRow("2 3") << std::string("2 3") << ExprErrorKind::UnexpectedToken << 2 << std::string("3");
    QTest::addRow("stray )") << std::string("1 + 2)") << ExprErrorKind::UnexpectedToken << 5 << std::string(")");
    QTest::addRow("empty parentheses") << std::string("()") << ExprErrorKind::UnexpectedToken << 1 << std::string(")");
    QTest::addRow("implicit product") << std::string("2(3)") << ExprErrorKind::UnexpectedToken << 1 << std::string("(");
    QTest::addRow("unknown character") << std::string("1 $ 2") << ExprErrorKind::UnexpectedToken << 2
                                       << std::string("$");
    QTest::addRow("lone dot") << std::string(".") << ExprErrorKind::UnexpectedToken << 0 << std::string(".");
    // A malformed exponent: either the whole "1e" or the stray "e" may be reported.
    QTest::addRow("bad exponent 1e") << std::string("1e") << ExprErrorKind::UnexpectedToken << -1 << std::string("*");
    QTest::addRow("bad exponent 1e+") << std::string("3*1e+") << ExprErrorKind::UnexpectedToken << -1
                                      << std::string("*");
    QTest::addRow("two points") << std::string("1.2.3") << ExprErrorKind::UnexpectedToken << 3 << std::string("*");
    QTest::addRow("empty argument") << std::string("sqrt()") << ExprErrorKind::UnexpectedToken << 5 << std::string(")");
    QTest::addRow("2 *") << std::string("2 *") << ExprErrorKind::UnexpectedEnd << 3 << std::string();
    QTest::addRow("2^") << std::string("2^") << ExprErrorKind::UnexpectedEnd << 2 << std::string();
    QTest::addRow("unary minus at end") << std::string("1+-") << ExprErrorKind::UnexpectedEnd << 3 << std::string();
    QTest::addRow("(") << std::string("(") << ExprErrorKind::UnexpectedEnd << 1 << std::string();
    QTest::addRow("exp(") << std::string("exp(") << ExprErrorKind::UnexpectedEnd << 4 << std::string();
    QTest::addRow("pow(2,") << std::string("pow(2,") << ExprErrorKind::UnexpectedEnd << 6 << std::string();
    // A function name and then nothing: the text stops inside the expression.
    QTest::addRow("bare function name exp") << std::string("exp") << ExprErrorKind::UnexpectedEnd << 3 << std::string();
    QTest::addRow("unknown function") << std::string("foo(1)") << ExprErrorKind::UnknownFunction << 0
                                      << std::string("foo");
    QTest::addRow("variable x") << std::string("2*x") << ExprErrorKind::UnknownFunction << 2 << std::string("x");
    QTest::addRow("inf is not a literal")
        << std::string("inf") << ExprErrorKind::UnknownFunction << 0 << std::string("inf");
    QTest::addRow("pow with one argument")
        << std::string("pow(2)") << ExprErrorKind::WrongArity << 0 << std::string("pow(2)");
    QTest::addRow("exp with two arguments")
        << std::string("1+exp(1, 2)") << ExprErrorKind::WrongArity << 2 << std::string("exp(1, 2)");
    QTest::addRow("sqrt with three") << std::string("sqrt(1,2,3)") << ExprErrorKind::WrongArity << 0
                                     << std::string("sqrt(1,2,3)");
    QTest::addRow("missing ) of (") << std::string("(1+2") << ExprErrorKind::MissingParen << 0 << std::string("(");
    QTest::addRow("missing ) inside") << std::string("2*(1+(3)") << ExprErrorKind::MissingParen << 2
                                      << std::string("(");
    QTest::addRow("missing ) of function")
        << std::string("exp(1") << ExprErrorKind::MissingParen << 3 << std::string("(");
    // Limits. Length is checked first: 10,000 '(' must be rejected, not recursed into.
    QTest::addRow("10000 open parentheses")
        << repeat("(", 10000) << ExprErrorKind::TooComplex << 4096 << std::string("*");
    QTest::addRow("4097 characters") << "1" + repeat("+1", 2048) << ExprErrorKind::TooComplex << 4096
                                     << std::string("*");
    // Within the length limit, depth guards the recursion.
    QTest::addRow("4000 open parentheses") << repeat("(", 4000) << ExprErrorKind::TooComplex << -1 << std::string("*");
    QTest::addRow("2000 nested parentheses")
        << repeat("(", 2000) + "1" + repeat(")", 2000) << ExprErrorKind::TooComplex << -1 << std::string("*");
    QTest::addRow("4000 unary minus") << repeat("-", 4000) + "1" << ExprErrorKind::TooComplex << -1 << std::string("*");
    QTest::addRow("1000 nested exp") << repeat("exp(", 800) + "1" + repeat(")", 800) << ExprErrorKind::TooComplex << -1
                                     << std::string("*");
    QTest::addRow("power tower 2^2^...") << "2" + repeat("^2", 1500) << ExprErrorKind::TooComplex << -1
                                         << std::string("*");
    // 200 additions: 401 nodes > maxExpressionNodes.
    QTest::addRow("401 nodes") << "1" + repeat("+1", 200) << ExprErrorKind::TooComplex << -1 << std::string("*");
}

void TestExpression::errors()
{
    QFETCH(std::string, text);
    QFETCH(ExprErrorKind, kind);
    QFETCH(int, position);
    QFETCH(std::string, token);
    const auto result = logitlab::parseExpression(text);
    const auto *err = std::get_if<logitlab::ExprError>(&result);
    if (!err)
        QFAIL("parsed, but should not have");
    QCOMPARE(err->kind, kind);
    if (position >= 0)
        QCOMPARE(err->position, static_cast<std::size_t>(position));
    else if (kind == ExprErrorKind::UnexpectedToken && text.find('e') != std::string::npos)
        QVERIFY(err->position <= text.find('e')); // points into the malformed literal
    QVERIFY(err->position <= text.size());
    if (token != "*") {
        QCOMPARE(err->token, token);
        QCOMPARE(err->length, token.size());
    }
    if (err->length > 0)
        QCOMPARE(text.substr(err->position, err->length), err->token);
}

void TestExpression::functions()
{
    const auto names = logitlab::expressionFunctions();
    for (const char *n : {"exp", "log", "ln", "log1p", "expm1", "sqrt", "pow"})
        QVERIFY2(std::find(names.begin(), names.end(), std::string_view(n)) != names.end(), n);
}

// What a Chinese input method types reads as the ASCII it stands for: full-width parentheses,
// plus, asterisk, digits, the × and ÷ signs and U+2212. The source is the folded ASCII text.
void TestExpression::inputMethod_data()
{
    QTest::addColumn<std::string>("typed");
    QTest::addColumn<std::string>("tree");
    QTest::addColumn<std::string>("source");
    QTest::addRow("（1＋2）＊3") << std::string("\uFF081\uFF0B2\uFF09\uFF0A3") << std::string("(* (+ 1 2) 3)")
                                 << std::string("(1+2)*3");
    QTest::addRow("2×3÷4") << std::string("2\u00D73\u00F74") << std::string("(/ (* 2 3) 4)") << std::string("2*3/4");
    QTest::addRow("U+2212 minus: 1 − 1/10000")
        << std::string("1 \u2212 1/10000") << std::string("(- 1 (/ 1 10000))") << std::string("1 - 1/10000");
    QTest::addRow("full-width digits １０") << std::string("\uFF11\uFF10") << std::string("10") << std::string("10");
}

void TestExpression::inputMethod()
{
    QFETCH(std::string, typed);
    QFETCH(std::string, tree);
    QFETCH(std::string, source);
    auto result = logitlab::parseExpression(typed);
    auto *e = std::get_if<logitlab::Expression>(&result);
    QVERIFY(e);
    QCOMPARE(sexpr(*e->root), tree);
    QCOMPARE(e->source, source);
}

QTEST_APPLESS_MAIN(TestExpression)
#include "tst_expression.moc"
