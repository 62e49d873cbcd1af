// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/asciifold.h"

#include <array>

namespace logitlab {
namespace {

/** \brief One character an input method types and the ASCII character it stands for. */
struct Fold {
    std::string_view utf8;
    char ascii;
};

// clang-format off
constexpr std::array folds{
    Fold{"\xEF\xBC\x8C", ','}, // U+FF0C FULLWIDTH COMMA
    Fold{"\xE3\x80\x81", ','}, // U+3001 IDEOGRAPHIC COMMA
    Fold{"\xEF\xBC\x9B", ';'}, // U+FF1B FULLWIDTH SEMICOLON
    Fold{"\xE3\x80\x80", ' '}, // U+3000 IDEOGRAPHIC SPACE
    Fold{"\xC2\xA0",     ' '}, // U+00A0 NO-BREAK SPACE
    Fold{"\xEF\xBC\xBB", '['}, // U+FF3B FULLWIDTH LEFT SQUARE BRACKET
    Fold{"\xEF\xBC\xBD", ']'}, // U+FF3D FULLWIDTH RIGHT SQUARE BRACKET
    Fold{"\xE3\x80\x90", '['}, // U+3010 LEFT BLACK LENTICULAR BRACKET (Chinese IME's [)
    Fold{"\xE3\x80\x91", ']'}, // U+3011 RIGHT BLACK LENTICULAR BRACKET (Chinese IME's ])
    Fold{"\xEF\xBC\x88", '('}, // U+FF08 FULLWIDTH LEFT PARENTHESIS
    Fold{"\xEF\xBC\x89", ')'}, // U+FF09 FULLWIDTH RIGHT PARENTHESIS
    Fold{"\xEF\xBC\x8B", '+'}, // U+FF0B FULLWIDTH PLUS SIGN
    Fold{"\xEF\xBC\x8D", '-'}, // U+FF0D FULLWIDTH HYPHEN-MINUS
    Fold{"\xE2\x88\x92", '-'}, // U+2212 MINUS SIGN
    Fold{"\xEF\xBC\x8E", '.'}, // U+FF0E FULLWIDTH FULL STOP
    Fold{"\xE3\x80\x82", '.'}, // U+3002 IDEOGRAPHIC FULL STOP (a Chinese IME's '.')
    Fold{"\xEF\xBC\x8A", '*'}, // U+FF0A FULLWIDTH ASTERISK
    Fold{"\xEF\xBC\x8F", '/'}, // U+FF0F FULLWIDTH SOLIDUS
    Fold{"\xEF\xBC\xBE", '^'}, // U+FF3E FULLWIDTH CIRCUMFLEX ACCENT
    Fold{"\xC3\x97",     '*'}, // U+00D7 MULTIPLICATION SIGN
    Fold{"\xC3\xB7",     '/'}, // U+00F7 DIVISION SIGN
};
// clang-format on

/** The ASCII for a full-width digit or letter at \a s (U+FF10-FF19, FF21-FF3A, FF41-FF5A), or 0. */
char fullWidthAlnum(std::string_view s)
{
    if (s.size() < 3 || static_cast<unsigned char>(s[0]) != 0xEF)
        return 0;
    const auto b1 = static_cast<unsigned char>(s[1]), b2 = static_cast<unsigned char>(s[2]);
    if (b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99)
        return static_cast<char>('0' + (b2 - 0x90));
    if (b1 == 0xBC && b2 >= 0xA1 && b2 <= 0xBA)
        return static_cast<char>('A' + (b2 - 0xA1));
    if (b1 == 0xBD && b2 >= 0x81 && b2 <= 0x9A)
        return static_cast<char>('a' + (b2 - 0x81));
    return 0;
}

} // namespace

FoldedText foldToAscii(std::string_view utf8)
{
    FoldedText out;
    out.text.reserve(utf8.size());
    out.origin.reserve(utf8.size() + 1);
    std::size_t i = 0;
    while (i < utf8.size()) {
        if (static_cast<unsigned char>(utf8[i]) < 0x80) {
            out.text += utf8[i];
            out.origin.push_back(i++);
            continue;
        }
        const std::string_view rest = utf8.substr(i);
        char ascii = fullWidthAlnum(rest);
        std::size_t length = ascii ? 3 : 0;
        for (const Fold &f : folds)
            if (!ascii && rest.substr(0, f.utf8.size()) == f.utf8) {
                ascii = f.ascii;
                length = f.utf8.size();
            }
        if (ascii) {
            out.text += ascii;
            out.origin.push_back(i);
            i += length;
        } else {
            out.text += utf8[i];
            out.origin.push_back(i++);
        }
    }
    out.origin.push_back(utf8.size());
    return out;
}

} // namespace logitlab
