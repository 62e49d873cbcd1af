// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Arithmetic expressions as a student types them: + - * / ^, parentheses, unary minus, decimal
 * literals and exp log log1p expm1 sqrt pow. Parsed once, then evaluated in any format.
 */
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace logitlab {

/** \brief Node kinds of the expression tree. */
enum class ExprOp { Literal, Add, Sub, Mul, Div, Neg, Pow, Exp, Log, Log1p, Expm1, Sqrt };

/** \brief One node: an operation on its children, or a literal with its decimal text. */
struct ExprNode {
    ExprOp op = ExprOp::Literal;
    std::string literal; ///< decimal text of a Literal
    std::vector<std::unique_ptr<ExprNode>> args; ///< operands, left to right
    std::size_t begin = 0, end = 0; ///< the node's text is source[begin, end)
};

/** \brief A parsed expression and the text it came from. */
struct Expression {
    std::string source;
    std::unique_ptr<ExprNode> root;
    std::size_t operations = 0; ///< number of nodes that are not literals
};

/** \brief Why an expression did not parse (the UI maps each kind to a translated message). */
enum class ExprErrorKind {
    Empty, ///< nothing but white space
    UnexpectedToken, ///< a token where it cannot stand, e.g. "2 * * 3"
    UnexpectedEnd, ///< the text stops inside an expression, e.g. "2 *"
    UnknownFunction, ///< a name that is not a supported function
    WrongArity, ///< pow with one argument, exp with two...
    MissingParen, ///< "(" without ")"
    TooComplex, ///< longer than maxExpressionLength, deeper or larger than the limits
};

/** \brief The error and where it stands in the text. */
struct ExprError {
    ExprErrorKind kind;
    std::size_t position = 0;
    std::size_t length = 0;
    std::string token;
};

inline constexpr std::size_t maxExpressionLength = 4096;
/** Recursion limit of the parser: each nesting level (a parenthesis, a function call) costs
 *  five levels of recursion, so this allows 100 nested parentheses with room for unary signs. */
inline constexpr std::size_t maxExpressionDepth = 600;
inline constexpr std::size_t maxExpressionNodes = 400;

/** Parses \a text; "^" (and "**") is power, right-associative, binding tighter than unary minus. */
std::variant<Expression, ExprError> parseExpression(std::string_view text);

/** The names of the supported functions, for help texts and completion. */
std::vector<std::string_view> expressionFunctions();

} // namespace logitlab
