//! Figures (数据项): the counts and rates a report quotes, each with this year's and last
//! year's value; the exact arithmetic on them ([`Rational`], never floats); and the
//! placeholders (`{{数据：key|变化}}`) by which the text quotes them, so that changing a value
//! changes every quote.

mod arith;
mod model;
mod render;
mod token;

pub use arith::{
    DEFAULT_DECIMALS, Rational, agrees, ascii_digit, difference, format_change, format_percent,
    parse_percent, percent_change, share,
};
pub use model::{Figure, PERCENT, ValueError, is_key, parse_value};
pub use render::{Segment, TokenProblem, render, segments};
pub use token::{Expr, Form, TOKEN_CLOSE, TOKEN_OPEN, Token, token_spans};

/// Whether `text` may hold a placeholder (a cheap test before any parsing).
pub fn has_tokens(text: &str) -> bool {
    text.contains(TOKEN_OPEN)
}
