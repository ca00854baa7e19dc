//! Half-width punctuation inside Chinese text (GB/T 15834: Chinese text takes full-width
//! marks): `, : ; ( ) ? !` and ASCII quotes become `，：；（）？！` and “”‘’. Nothing else is
//! touched: no space is added or removed (公文 puts none between Chinese and digits), and
//! marks in numbers, times, Latin words and URLs stay (`1.5`, `10:30`, `1,000`,
//! `http://…?a=1`).
//!
//! Whether a mark stands in Chinese text is decided by its neighbours: the nearest
//! non-space character on either side being Chinese (a Han character or a full-width mark)
//! settles it; a digit on both sides means a number (`10:30`); otherwise the run of
//! non-Chinese characters around the mark decides: with a Latin letter in it, it is Latin
//! (`f(x)`, a URL); without, it is Chinese when the text has Chinese in it (`60%,75%`).
//! Brackets and quotes are decided as pairs, so `(2021-2025年)` turns whole.

/// A Han character (CJK ideographs and their extensions, 〇).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}'
        | '〇')
}

/// A character that makes its surroundings Chinese text: Han, kana, CJK and full-width
/// punctuation (，。、；：？！（）《》“”‘’…—), full-width forms.
pub(crate) fn is_chinese(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{3001}'..='\u{303F}'      // 、。〃〈〉《》「」『』【】〔〕… (not U+3000, a space)
            | '\u{3040}'..='\u{30FF}'    // kana
            | '\u{FE30}'..='\u{FE4F}'    // CJK compatibility forms
            | '\u{FF01}'..='\u{FF60}'    // full-width forms ，：；（）！？％０-９Ａ-Ｚ
            | '\u{FFE0}'..='\u{FFE6}'
            | '\u{2018}'..='\u{201D}'    // ‘’“” as Chinese text uses them
            | '\u{2014}' | '\u{2015}' | '\u{2026}' | '\u{00B7}')
}

/// How far the run around a mark is searched for Latin letters.
const REACH: usize = 64;

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// One mark to replace, by character index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Edit {
    pub at: usize,
    pub from: char,
    pub to: char,
}

/// The full-width partner of a half-width mark that is replaced one for one.
fn single(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '?' => '？',
        '!' => '！',
        _ => return None,
    })
}

struct Text<'a> {
    chars: &'a [char],
    has_han: bool,
}

impl Text<'_> {
    fn prev(&self, i: usize) -> Option<char> {
        self.chars[..i]
            .iter()
            .rev()
            .take(REACH)
            .copied()
            .find(|c| !is_space(*c))
    }

    fn next(&self, i: usize) -> Option<char> {
        self.chars
            .get(i + 1..)?
            .iter()
            .take(REACH)
            .copied()
            .find(|c| !is_space(*c))
    }

    /// Whether the run of non-Chinese characters through `from..=to` holds a Latin letter
    /// (looking at most [`REACH`] characters either way, so long runs stay linear).
    fn latin_run(&self, from: usize, to: usize) -> bool {
        let left = self.chars[..from]
            .iter()
            .rev()
            .take(REACH)
            .take_while(|c| !is_chinese(**c));
        let right = self.chars[to + 1..]
            .iter()
            .take(REACH)
            .take_while(|c| !is_chinese(**c));
        left.chain(&self.chars[from..=to])
            .chain(right)
            .any(|c| c.is_ascii_alphabetic())
    }

    /// The fallback when no neighbour is Chinese: Latin if a letter is near, else the text's
    /// language.
    fn by_run(&self, from: usize, to: usize) -> bool {
        self.has_han && !self.latin_run(from, to)
    }

    /// Whether a single mark at `i` stands in Chinese text.
    fn chinese_at(&self, i: usize) -> bool {
        let (l, r) = (self.prev(i), self.next(i));
        if l.is_some_and(is_chinese) || r.is_some_and(is_chinese) {
            return true;
        }
        // A digit right on both sides: a number, a time, a ratio (1,000 10:30 1:500).
        let digit = |c: Option<&char>| c.is_some_and(char::is_ascii_digit);
        if i > 0 && digit(self.chars.get(i - 1)) && digit(self.chars.get(i + 1)) {
            return false;
        }
        self.by_run(i, i)
    }

    /// Whether a bracket or quote pair at `open` and `close` stands in Chinese text.
    fn chinese_pair(&self, open: usize, close: usize) -> bool {
        let inside_han = self.chars[open + 1..close].iter().any(|c| is_han(*c));
        // f(x), XP(2001): an opening bracket right after a Latin letter or digit, with no
        // Chinese inside, belongs to the Latin text.
        if !inside_han && open > 0 && self.chars[open - 1].is_ascii_alphanumeric() {
            return false;
        }
        let around = [
            self.prev(open),
            self.next(open),
            self.prev(close),
            self.next(close),
        ];
        around.iter().flatten().any(|c| is_chinese(*c)) || inside_han || self.by_run(open, close)
    }

    /// An apostrophe: a `'` between two Latin letters (don't).
    fn apostrophe(&self, i: usize) -> bool {
        let letter = |c: Option<&char>| c.is_some_and(char::is_ascii_alphabetic);
        i > 0 && letter(self.chars.get(i - 1)) && letter(self.chars.get(i + 1))
    }
}

/// The marks of `chars` to replace, in order.
pub(crate) fn scan(chars: &[char]) -> Vec<Edit> {
    if !chars
        .iter()
        .any(|c| matches!(c, ',' | ':' | ';' | '?' | '!' | '(' | ')' | '"' | '\''))
    {
        return Vec::new();
    }
    let t = Text {
        chars,
        has_han: chars.iter().any(|c| is_han(*c)),
    };
    let mut edits = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if let Some(to) = single(c)
            && t.chinese_at(i)
        {
            edits.push(Edit { at: i, from: c, to });
        }
    }
    brackets(&t, &mut edits);
    quotes(&t, '"', '“', '”', &mut edits);
    quotes(&t, '\'', '‘', '’', &mut edits);
    edits.sort_by_key(|e| e.at);
    edits
}

/// `(` `)` in pairs; a full-width partner pairs too (`（2021-2025)` → `（2021-2025）`).
fn brackets(t: &Text<'_>, edits: &mut Vec<Edit>) {
    let mut stack: Vec<usize> = Vec::new();
    let mut lone: Vec<usize> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, &c) in t.chars.iter().enumerate() {
        match c {
            '(' | '（' => stack.push(i),
            ')' | '）' => match stack.pop() {
                Some(o) => pairs.push((o, i)),
                None => lone.push(i),
            },
            _ => {}
        }
    }
    lone.extend(stack);
    for (o, c) in pairs {
        let half = (t.chars[o] == '(', t.chars[c] == ')');
        if (half.0 || half.1) && t.chinese_pair(o, c) {
            if half.0 {
                edits.push(Edit {
                    at: o,
                    from: '(',
                    to: '（',
                });
            }
            if half.1 {
                edits.push(Edit {
                    at: c,
                    from: ')',
                    to: '）',
                });
            }
        }
    }
    for i in lone {
        let from = t.chars[i];
        let to = match from {
            '(' => '（',
            ')' => '）',
            _ => continue,
        };
        if t.chinese_at(i) {
            edits.push(Edit { at: i, from, to });
        }
    }
}

/// ASCII quotes in pairs, opening and closing in turn; a full-width quote takes its turn
/// (`“服务包"` closes with `”`).
fn quotes(t: &Text<'_>, ascii: char, open_fw: char, close_fw: char, edits: &mut Vec<Edit>) {
    let mut open: Option<usize> = None;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, &c) in t.chars.iter().enumerate() {
        if c == open_fw {
            open = Some(i);
        } else if c == close_fw {
            open = None;
        } else if c == ascii && !(ascii == '\'' && t.apostrophe(i)) {
            match open.take() {
                Some(o) => pairs.push((o, i)),
                None => open = Some(i),
            }
        }
    }
    for &(o, c) in &pairs {
        if (t.chars[o] == ascii || t.chars[c] == ascii) && t.chinese_pair(o, c) {
            for (at, to) in [(o, open_fw), (c, close_fw)] {
                if t.chars[at] == ascii {
                    edits.push(Edit {
                        at,
                        from: ascii,
                        to,
                    });
                }
            }
        }
    }
    if let Some(i) = open.filter(|&i| t.chars[i] == ascii)
        && t.chinese_at(i)
    {
        // A quote left open: opening when text follows it, closing at the end.
        let to = if t.next(i).is_some() {
            open_fw
        } else {
            close_fw
        };
        edits.push(Edit {
            at: i,
            from: ascii,
            to,
        });
    }
}

/// `text` with every half-width mark in Chinese text replaced; the number of marks.
pub fn fix_text(text: &str) -> (String, usize) {
    let mut chars: Vec<char> = text.chars().collect();
    let edits = scan(&chars);
    for e in &edits {
        chars[e.at] = e.to;
    }
    (chars.into_iter().collect(), edits.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(s: &str) -> String {
        fix_text(s).0
    }

    #[test]
    fn the_samples_sentences() {
        assert_eq!(
            fixed(
                "2023年,在区委、区政府的坚强领导下,我镇坚持以习近平新时代中国特色社会主义思想为指导"
            ),
            "2023年，在区委、区政府的坚强领导下，我镇坚持以习近平新时代中国特色社会主义思想为指导"
        );
        assert_eq!(
            fixed("现将我镇2023年法治政府建设情况报告如下:"),
            "现将我镇2023年法治政府建设情况报告如下："
        );
        assert_eq!(
            fixed(
                "《法治政府建设实施纲要(2021-2025年)》、《北京市法治政府建设实施意见(2021-2025年)》"
            ),
            "《法治政府建设实施纲要（2021-2025年）》、《北京市法治政府建设实施意见（2021-2025年）》"
        );
        assert_eq!(
            fixed("参与解决市级服务包企业(中国航天科技集团有限公司)诉求1件。"),
            "参与解决市级服务包企业（中国航天科技集团有限公司）诉求1件。"
        );
        assert_eq!(
            fixed("提高企业防范化解金融风险能力;开展科普知识进企业活动"),
            "提高企业防范化解金融风险能力；开展科普知识进企业活动"
        );
        // Digits right after the comma: still Chinese (the left neighbour is 件).
        assert_eq!(
            fixed("行政复议案件5件,5件均为维持原判,胜诉率100%,行政诉讼案件1件"),
            "行政复议案件5件，5件均为维持原判，胜诉率100%，行政诉讼案件1件"
        );
    }

    #[test]
    fn leaves_numbers_times_latin_and_urls() {
        for s in [
            "A岗参与率85.2%",
            "上午10:30召开",
            "共计1,000元",
            "详见http://www.bjdx.gov.cn/index.html?id=1&a=2。",
            "函数f(x)的取值",
            "Belt and Road, don't",
            "《法治政府建设实施纲要》",
        ] {
            assert_eq!(fixed(s), s, "{s}");
        }
        // The colon before a URL is Chinese; the one inside it is not.
        assert_eq!(
            fixed("网址:http://www.bjdx.gov.cn"),
            "网址：http://www.bjdx.gov.cn"
        );
        // No neighbour is Chinese, no letter near: the text decides.
        assert_eq!(fixed("分别为60%,75%。"), "分别为60%，75%。");
        assert_eq!(fixed("60%,75%"), "60%,75%");
    }

    #[test]
    fn never_adds_or_removes_spaces() {
        assert_eq!(fixed("案件总量 , 降低"), "案件总量 ， 降低");
        assert_eq!(fixed("共 6 件,其中"), "共 6 件，其中");
    }

    #[test]
    fn pairs_quotes_and_brackets() {
        assert_eq!(
            fixed("共上门走访\"服务包\"企业34家次"),
            "共上门走访“服务包”企业34家次"
        );
        assert_eq!(
            fixed("坚持\"四议两公开一监督\"、'法律十进'"),
            "坚持“四议两公开一监督”、‘法律十进’"
        );
        // A full-width opening quote closed by an ASCII one.
        assert_eq!(fixed("发扬“店小二\"精神"), "发扬“店小二”精神");
        assert_eq!(fixed("规划（2022-2025)。"), "规划（2022-2025）。");
        // A bracket pair at the end of a paragraph, decided by its inside.
        assert_eq!(fixed("规划(2022-2025)"), "规划（2022-2025）");
        // Enumerators in text.
        assert_eq!(fixed("(1)加强学习"), "（1）加强学习");
        // Quoted English in Chinese text takes Chinese quotes.
        assert_eq!(
            fixed("提出了\"Belt and Road\"倡议"),
            "提出了“Belt and Road”倡议"
        );
        // A lone quote at the end closes.
        assert_eq!(fixed("即所谓\"枫桥经验"), "即所谓“枫桥经验");
        assert_eq!(fixed("枫桥经验\""), "枫桥经验”");
    }

    #[test]
    fn questions_and_exclamations() {
        assert_eq!(fixed("是否依法决策?"), "是否依法决策？");
        assert_eq!(fixed("守住钱袋子!"), "守住钱袋子！");
    }
}
