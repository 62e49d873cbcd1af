#pragma once
/** \file
 * Core values and errors turned into translated text: numbers, format names, parse errors.
 */
#include "expr/expression.h"
#include "precision/format.h"
#include "text/numberlist.h"

#include <QString>

#include <string_view>

namespace logitlab::ui {

/** The shortest text that reads back to \a v in format \a f (the CLI's numbers). */
QString numberText(long double v, Format f);

/** A double as its shortest round-trip decimal text. */
QString numberText(double v);

/** The canonical format name, "float32". */
QString formatText(Format f);

/** A translated message for a LIST error, e.g. "'abc' at character 5 is not a number". */
QString listErrorMessage(const ListError &e);

/** A translated message for an expression error. */
QString exprErrorMessage(const ExprError &e);

/** The QString index of UTF-8 byte offset \a byteOffset in \a utf8. */
int utf16Index(std::string_view utf8, std::size_t byteOffset);

} // namespace logitlab::ui
