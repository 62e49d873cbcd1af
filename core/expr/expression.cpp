// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/expression.h"

#include "text/asciifold.h"

#include "precision/mpfrutil.h"

#include <cctype>

namespace logitlab {
namespace {

struct FunctionSpec {
    std::string_view name;
    ExprOp op;
    std::size_t arity;
};

constexpr FunctionSpec functions[] = {
    {"exp", ExprOp::Exp, 1},
    {"log", ExprOp::Log, 1},
    {"ln", ExprOp::Log, 1},
    {"log1p", ExprOp::Log1p, 1},
    {"expm1", ExprOp::Expm1, 1},
    {"sqrt", ExprOp::Sqrt, 1},
    {"pow", ExprOp::Pow, 2},
};

struct ParseFailure {
    ExprError error;
};

class Parser {
public:
    explicit Parser(std::string_view text) : m_text(text) { }

    std::unique_ptr<ExprNode> parseAll()
    {
        auto node = parseSum(0);
        skipSpace();
        if (m_pos < m_text.size()) {
            if (m_text[m_pos] == ')')
                fail(ExprErrorKind::UnexpectedToken, m_pos, 1);
            fail(ExprErrorKind::UnexpectedToken, m_pos, tokenLength(m_pos));
        }
        return node;
    }

    std::size_t operations() const { return m_operations; }

private:
    [[noreturn]] void fail(ExprErrorKind kind, std::size_t pos, std::size_t len)
    {
        throw ParseFailure {ExprError {kind, pos, len, std::string(m_text.substr(pos, len))}};
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }

    std::size_t tokenLength(std::size_t pos) const
    {
        std::size_t end = pos;
        if (end < m_text.size() && std::isalnum(static_cast<unsigned char>(m_text[end]))) {
            while (end < m_text.size()
                && (std::isalnum(static_cast<unsigned char>(m_text[end])) || m_text[end] == '.' || m_text[end] == '_'))
                ++end;
            return end - pos;
        }
        return pos < m_text.size() ? 1 : 0;
    }

    bool accept(std::string_view token)
    {
        skipSpace();
        if (m_text.substr(m_pos, token.size()) == token) {
            m_pos += token.size();
            return true;
        }
        return false;
    }

    std::unique_ptr<ExprNode> make(ExprOp op, std::size_t begin, std::vector<std::unique_ptr<ExprNode>> args)
    {
        if (++m_nodes > maxExpressionNodes)
            fail(ExprErrorKind::TooComplex, begin, m_pos - begin);
        auto node = std::make_unique<ExprNode>();
        node->op = op;
        node->args = std::move(args);
        node->begin = begin;
        node->end = m_pos;
        if (op != ExprOp::Literal)
            ++m_operations;
        return node;
    }

    template <class... Nodes> static std::vector<std::unique_ptr<ExprNode>> list(Nodes &&...nodes)
    {
        std::vector<std::unique_ptr<ExprNode>> v;
        (v.push_back(std::move(nodes)), ...);
        return v;
    }

    void enter(std::size_t depth)
    {
        if (depth > maxExpressionDepth)
            fail(ExprErrorKind::TooComplex, m_pos, 1);
    }

    std::unique_ptr<ExprNode> parseSum(std::size_t depth)
    {
        enter(depth);
        skipSpace();
        const std::size_t begin = m_pos;
        auto left = parseProduct(depth + 1);
        for (;;) {
            if (accept("+"))
                left = make(ExprOp::Add, begin, list(std::move(left), parseProduct(depth + 1)));
            else if (accept("-"))
                left = make(ExprOp::Sub, begin, list(std::move(left), parseProduct(depth + 1)));
            else
                return left;
            left->end = m_pos;
        }
    }

    std::unique_ptr<ExprNode> parseProduct(std::size_t depth)
    {
        enter(depth);
        skipSpace();
        const std::size_t begin = m_pos;
        auto left = parseUnary(depth + 1);
        for (;;) {
            skipSpace();
            if (m_text.substr(m_pos, 2) == "**")
                return left; // handled by parsePower
            if (accept("*"))
                left = make(ExprOp::Mul, begin, list(std::move(left), parseUnary(depth + 1)));
            else if (accept("/"))
                left = make(ExprOp::Div, begin, list(std::move(left), parseUnary(depth + 1)));
            else
                return left;
            left->end = m_pos;
        }
    }

    std::unique_ptr<ExprNode> parseUnary(std::size_t depth)
    {
        enter(depth);
        skipSpace();
        const std::size_t begin = m_pos;
        if (accept("-")) {
            auto operand = parseUnary(depth + 1);
            return make(ExprOp::Neg, begin, list(std::move(operand)));
        }
        if (accept("+"))
            return parseUnary(depth + 1);
        return parsePower(depth + 1);
    }

    std::unique_ptr<ExprNode> parsePower(std::size_t depth)
    {
        enter(depth);
        skipSpace();
        const std::size_t begin = m_pos;
        auto base = parsePrimary(depth + 1);
        if (accept("**") || accept("^")) {
            auto exponent = parseUnary(depth + 1); // right-associative; 2^-1 allowed
            return make(ExprOp::Pow, begin, list(std::move(base), std::move(exponent)));
        }
        return base;
    }

    std::unique_ptr<ExprNode> parseNumber()
    {
        const std::size_t begin = m_pos;
        // Unsigned: a sign in front of a number is the unary operator.
        const std::size_t length = decimalLiteralLength(m_text.substr(begin));
        if (length == 0)
            fail(ExprErrorKind::UnexpectedToken, begin, tokenLength(begin));
        m_pos = begin + length;
        auto node = make(ExprOp::Literal, begin, {});
        node->literal = std::string(m_text.substr(begin, length));
        return node;
    }

    std::unique_ptr<ExprNode> parsePrimary(std::size_t depth)
    {
        enter(depth);
        skipSpace();
        if (m_pos >= m_text.size())
            fail(ExprErrorKind::UnexpectedEnd, m_pos, 0);
        const std::size_t begin = m_pos;
        const char c = m_text[m_pos];
        if (c == '(') {
            ++m_pos;
            auto inner = parseSum(depth + 1);
            if (!accept(")"))
                m_pos >= m_text.size() ? fail(ExprErrorKind::MissingParen, begin, 1)
                                       : fail(ExprErrorKind::UnexpectedToken, m_pos, tokenLength(m_pos));
            return inner;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.')
            return parseNumber();
        if (std::isalpha(static_cast<unsigned char>(c))) {
            std::size_t end = m_pos;
            while (end < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[end])) || m_text[end] == '_'))
                ++end;
            const std::string_view name = m_text.substr(m_pos, end - m_pos);
            const FunctionSpec *spec = nullptr;
            for (const FunctionSpec &f : functions)
                if (f.name == name)
                    spec = &f;
            if (!spec)
                fail(ExprErrorKind::UnknownFunction, begin, name.size());
            m_pos = end;
            if (!accept("(")) {
                skipSpace();
                m_pos >= m_text.size() ? fail(ExprErrorKind::UnexpectedEnd, m_pos, 0)
                                       : fail(ExprErrorKind::UnexpectedToken, m_pos, tokenLength(m_pos));
            }
            std::vector<std::unique_ptr<ExprNode>> args;
            args.push_back(parseSum(depth + 1));
            while (accept(","))
                args.push_back(parseSum(depth + 1));
            if (!accept(")"))
                m_pos >= m_text.size() ? fail(ExprErrorKind::MissingParen, end, 1)
                                       : fail(ExprErrorKind::UnexpectedToken, m_pos, tokenLength(m_pos));
            if (args.size() != spec->arity)
                fail(ExprErrorKind::WrongArity, begin, m_pos - begin);
            return make(spec->op, begin, std::move(args));
        }
        fail(ExprErrorKind::UnexpectedToken, m_pos, tokenLength(m_pos));
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::size_t m_nodes = 0;
    std::size_t m_operations = 0;
};

} // namespace

std::vector<std::string_view> expressionFunctions()
{
    std::vector<std::string_view> names;
    for (const FunctionSpec &f : functions)
        names.push_back(f.name);
    return names;
}

namespace {
std::variant<Expression, ExprError> parseAscii(std::string_view text);
} // namespace

std::variant<Expression, ExprError> parseExpression(std::string_view typed)
{
    // What a Chinese input method types (（1＋1/10000）, ×, ÷, U+2212) reads as the ASCII it stands
    // for; an error still points at the text as typed and quotes it.
    const FoldedText folded = foldToAscii(typed);
    auto parsed = parseAscii(folded.text);
    if (auto *e = std::get_if<ExprError>(&parsed))
        mapErrorBack(folded, typed, *e);
    return parsed;
}

namespace {
std::variant<Expression, ExprError> parseAscii(std::string_view text)
{
    if (text.size() > maxExpressionLength)
        return ExprError {ExprErrorKind::TooComplex, maxExpressionLength, 0, {}};
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return ExprError {ExprErrorKind::Empty, 0, 0, {}};
    Parser parser(text);
    try {
        Expression e;
        e.source = std::string(text);
        e.root = parser.parseAll();
        e.operations = parser.operations();
        return e;
    } catch (const ParseFailure &failure) {
        return failure.error;
    }
}
} // namespace

} // namespace logitlab
