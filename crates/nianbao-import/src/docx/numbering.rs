//! `word/numbering.xml`: Word's automatic numbering, replayed. Each numbered paragraph advances
//! its list's counter at its level (deeper levels restart as `w:lvlRestart` says) and gets the
//! marker Word shows, rendered from `w:lvlText` (`%1、`, `（%2）`, `%3.`) and each level's
//! `w:numFmt` (chineseCounting → 一, decimal → 1, decimalEnclosedCircle → ①, …).

use std::collections::HashMap;

use nianbao_report::numbering::chinese_numeral;
use quick_xml::events::Event;

use super::xml::{self, Xml};
use crate::error::{ImportError, Input};

/// Levels of a list (0–8).
const LEVELS: usize = 9;

/// How a level writes its number.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Format {
    Decimal,
    DecimalZero,
    FullWidth,
    Chinese,
    ChineseDigits,
    ChineseLegal,
    Heavenly,
    Earthly,
    Circled,
    FullStop,
    Parenthesised,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    None,
}

impl Format {
    fn from_word(name: &str) -> Format {
        match name {
            "decimalZero" => Format::DecimalZero,
            "decimalFullWidth" | "decimalFullWidth2" => Format::FullWidth,
            "chineseCounting"
            | "chineseCountingThousand"
            | "japaneseCounting"
            | "taiwaneseCounting"
            | "taiwaneseCountingThousand"
            | "koreanCounting" => Format::Chinese,
            "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => {
                Format::ChineseDigits
            }
            "chineseLegalSimplified" | "ideographLegalTraditional" | "japaneseLegal" => {
                Format::ChineseLegal
            }
            "ideographTraditional" => Format::Heavenly,
            "ideographZodiac" | "ideographZodiacTraditional" => Format::Earthly,
            "decimalEnclosedCircle"
            | "decimalEnclosedCircleChinese"
            | "ideographEnclosedCircle" => Format::Circled,
            "decimalEnclosedFullstop" => Format::FullStop,
            "decimalEnclosedParen" => Format::Parenthesised,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            _ => Format::Decimal,
        }
    }

    fn write(&self, n: u32) -> String {
        let n_usize = n as usize;
        match self {
            Format::Decimal | Format::Bullet => n.to_string(),
            Format::DecimalZero => format!("{n:02}"),
            Format::FullWidth => n
                .to_string()
                .chars()
                .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
                .collect(),
            Format::Chinese => chinese_numeral(n_usize),
            Format::ChineseDigits => n
                .to_string()
                .chars()
                .map(|c| {
                    "〇一二三四五六七八九"
                        .chars()
                        .nth(c as usize - '0' as usize)
                        .unwrap_or(c)
                })
                .collect(),
            Format::ChineseLegal => chinese_numeral(n_usize)
                .chars()
                .map(|c| match c {
                    '一' => '壹',
                    '二' => '贰',
                    '三' => '叁',
                    '四' => '肆',
                    '五' => '伍',
                    '六' => '陆',
                    '七' => '柒',
                    '八' => '捌',
                    '九' => '玖',
                    '十' => '拾',
                    '百' => '佰',
                    '千' => '仟',
                    other => other,
                })
                .collect(),
            Format::Heavenly => cycle("甲乙丙丁戊己庚辛壬癸", n),
            Format::Earthly => cycle("子丑寅卯辰巳午未申酉戌亥", n),
            Format::Circled => enclosed('①', 20, n, |n| format!("({n})")),
            Format::FullStop => enclosed('⒈', 20, n, |n| format!("{n}.")),
            Format::Parenthesised => enclosed('⑴', 20, n, |n| format!("({n})")),
            Format::LowerLetter => letters(n, b'a'),
            Format::UpperLetter => letters(n, b'A'),
            Format::LowerRoman => roman(n).to_lowercase(),
            Format::UpperRoman => roman(n),
            Format::None => String::new(),
        }
    }
}

fn cycle(symbols: &str, n: u32) -> String {
    let all: Vec<char> = symbols.chars().collect();
    let i = (n.max(1) as usize - 1) % all.len();
    all[i].to_string()
}

/// `first` is the glyph for 1; numbers past `count` fall back to `other`.
fn enclosed(first: char, count: u32, n: u32, other: impl Fn(u32) -> String) -> String {
    if (1..=count).contains(&n)
        && let Some(c) = char::from_u32(first as u32 + n - 1)
    {
        return c.to_string();
    }
    other(n)
}

/// a … z, aa … zz (Word repeats the letter).
fn letters(n: u32, base: u8) -> String {
    let n = n.max(1) - 1;
    let c = char::from(base + (n % 26) as u8);
    std::iter::repeat_n(c, (n / 26) as usize + 1).collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, symbol) in TABLE {
        while n >= value {
            out.push_str(symbol);
            n -= value;
        }
    }
    out
}

/// One level of a list definition.
#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: Format,
    text: String,
    /// `w:lvlRestart`: restart after a level numbered (1-based) up to this; 0 never. `None`:
    /// after any higher level.
    restart: Option<u8>,
    /// `w:isLgl`: every number in the marker in decimal.
    legal: bool,
    /// `w:pStyle`: the paragraph style linked to this level.
    style: Option<String>,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            format: Format::Decimal,
            text: String::new(),
            restart: None,
            legal: false,
            style: None,
        }
    }
}

#[derive(Debug, Default)]
struct Abstract {
    levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the definition is the one of that numbering style.
    style_link_to: Option<String>,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: u32,
    /// `w:lvlOverride`s: a start override and/or a replacement level.
    overrides: [(Option<u32>, Option<Level>); LEVELS],
}

impl Num {
    fn restarts(&self) -> bool {
        self.overrides
            .iter()
            .any(|(s, l)| s.is_some() || l.is_some())
    }
}

/// Whose counters a paragraph advances: a list definition's shared ones, or those of a list
/// instance that restarts (`w:lvlOverride`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Counter {
    Abstract(u32),
    Num(u32),
}

/// What a numbered paragraph shows in front of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Shown {
    /// A number, as rendered (`一、`, `（二）`, `3.`, `①`).
    Number(String),
    /// A bullet or nothing: no number.
    Nothing,
}

/// A document's lists and their counters.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<u32, Abstract>,
    nums: HashMap<u32, Num>,
    /// Abstract definitions by the numbering style they define (`w:styleLink`).
    style_links: HashMap<String, u32>,
    counters: HashMap<Counter, [Option<u32>; LEVELS]>,
}

impl Numbering {
    /// Reads `numbering.xml` (its text).
    pub(crate) fn parse(text: &str, part: &str, input: &Input) -> Result<Numbering, ImportError> {
        let mut x = Xml::new(text, part, input);
        let mut n = Numbering::default();
        // What is being read: an abstract definition or a list instance, and a level in it.
        let mut abstract_id: Option<u32> = None;
        let mut num_id: Option<u32> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut override_level: Option<usize> = None;
        loop {
            let event = x.next()?;
            let (e, empty) = match &event {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    match e.local_name().as_ref() {
                        b"abstractNum" => abstract_id = None,
                        b"num" => num_id = None,
                        b"lvlOverride" => override_level = None,
                        b"lvl" => {
                            if let Some((ilvl, l)) = level.take() {
                                n.store_level(abstract_id, num_id, override_level, ilvl, l);
                            }
                        }
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            match e.local_name().as_ref() {
                b"abstractNum" => {
                    abstract_id = xml::attr(e, b"abstractNumId").and_then(|v| v.parse().ok());
                    if let Some(id) = abstract_id {
                        n.abstracts.insert(id, Abstract::default());
                    }
                    if empty {
                        abstract_id = None;
                    }
                }
                b"num" => {
                    num_id = xml::attr(e, b"numId").and_then(|v| v.parse().ok());
                    if let Some(id) = num_id {
                        n.nums.insert(id, Num::default());
                    }
                    if empty {
                        num_id = None;
                    }
                }
                b"abstractNumId" => {
                    if let Some(num) = num_id.and_then(|id| n.nums.get_mut(&id))
                        && let Some(v) = xml::number(e)
                    {
                        num.abstract_id = v;
                    }
                }
                b"lvlOverride" => {
                    override_level = xml::attr(e, b"ilvl")
                        .and_then(|v| v.parse::<usize>().ok())
                        .filter(|&l| l < LEVELS);
                    if empty {
                        override_level = None;
                    }
                }
                b"startOverride" => {
                    if let (Some(num), Some(l)) =
                        (num_id.and_then(|id| n.nums.get_mut(&id)), override_level)
                    {
                        num.overrides[l].0 = xml::number(e);
                    }
                }
                b"lvl" => {
                    let ilvl = xml::attr(e, b"ilvl")
                        .and_then(|v| v.parse::<usize>().ok())
                        .filter(|&l| l < LEVELS);
                    level = ilvl.map(|i| (i, Level::default()));
                    if empty && let Some((ilvl, l)) = level.take() {
                        n.store_level(abstract_id, num_id, override_level, ilvl, l);
                    }
                }
                b"start" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.start = xml::number(e).unwrap_or(1);
                    }
                }
                b"numFmt" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.format = Format::from_word(&xml::val(e).unwrap_or_default());
                    }
                }
                b"lvlText" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.text = xml::val(e).unwrap_or_default().into_owned();
                    }
                }
                b"lvlRestart" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.restart = xml::number(e);
                    }
                }
                b"pStyle" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.style = xml::val(e).map(|v| v.into_owned());
                    }
                }
                b"isLgl" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.legal = xml::toggle(e);
                    }
                }
                b"styleLink" => {
                    if let (Some(id), Some(v)) = (abstract_id, xml::val(e)) {
                        n.style_links.insert(v.into_owned(), id);
                    }
                }
                b"numStyleLink" => {
                    if let Some(a) = abstract_id.and_then(|id| n.abstracts.get_mut(&id)) {
                        a.style_link_to = xml::val(e).map(|v| v.into_owned());
                    }
                }
                _ => {}
            }
        }
        Ok(n)
    }

    fn store_level(
        &mut self,
        abstract_id: Option<u32>,
        num_id: Option<u32>,
        override_level: Option<usize>,
        ilvl: usize,
        level: Level,
    ) {
        if let (Some(num), Some(_)) = (num_id.and_then(|id| self.nums.get_mut(&id)), override_level)
        {
            num.overrides[ilvl].1 = Some(level);
        } else if let Some(a) = abstract_id.and_then(|id| self.abstracts.get_mut(&id)) {
            a.levels[ilvl] = Some(level);
        }
    }

    /// The abstract definition of list instance `num_id`, following a `w:numStyleLink` through
    /// the numbering style it names (`style_num` gives that style's list instance).
    fn abstract_of(&self, num_id: u32, style_num: &dyn Fn(&str) -> Option<u32>) -> Option<u32> {
        let mut id = self.nums.get(&num_id)?.abstract_id;
        for _ in 0..4 {
            let Some(link) = self.abstracts.get(&id)?.style_link_to.as_deref() else {
                return Some(id);
            };
            id = match self.style_links.get(link) {
                Some(&defined) => defined,
                None => self.nums.get(&style_num(link)?)?.abstract_id,
            };
        }
        Some(id)
    }

    /// The level of list `num_id` that a paragraph in `style` uses when neither it nor its
    /// style gives one: the level linked to the style (`w:pStyle` in the level), else 0.
    pub(crate) fn level_for_style(
        &self,
        num_id: u32,
        style: Option<&str>,
        style_num: &dyn Fn(&str) -> Option<u32>,
    ) -> u8 {
        let Some(style) = style else { return 0 };
        let Some(abs) = self
            .abstract_of(num_id, style_num)
            .and_then(|id| self.abstracts.get(&id))
        else {
            return 0;
        };
        abs.levels
            .iter()
            .position(|l| {
                l.as_ref()
                    .is_some_and(|l| l.style.as_deref() == Some(style))
            })
            .and_then(|i| u8::try_from(i).ok())
            .unwrap_or(0)
    }

    /// Advances list `num_id` at level `ilvl` and returns what the paragraph shows; `None` when
    /// the list or level is not defined (the paragraph then is not numbered).
    pub(crate) fn advance(
        &mut self,
        num_id: u32,
        ilvl: u8,
        style_num: &dyn Fn(&str) -> Option<u32>,
    ) -> Option<Shown> {
        let ilvl = usize::from(ilvl).min(LEVELS - 1);
        let abstract_id = self.abstract_of(num_id, style_num)?;
        let num = self.nums.get(&num_id)?;
        let abs = self.abstracts.get(&abstract_id)?;
        let levels: Vec<Level> = (0..LEVELS)
            .map(|l| {
                num.overrides[l]
                    .1
                    .clone()
                    .or_else(|| abs.levels[l].clone())
                    .unwrap_or_default()
            })
            .collect();
        if num.overrides[ilvl].1.is_none() && abs.levels[ilvl].is_none() {
            return None;
        }
        let key = if num.restarts() {
            Counter::Num(num_id)
        } else {
            Counter::Abstract(abstract_id)
        };
        let starts: Vec<Option<u32>> = num.overrides.iter().map(|(s, _)| *s).collect();
        let counters = self.counters.entry(key).or_insert_with(|| {
            // A restarting instance begins at its start overrides.
            let mut c = [None; LEVELS];
            for (l, s) in starts.iter().enumerate() {
                if let Some(s) = s {
                    c[l] = Some(s.saturating_sub(1));
                }
            }
            c
        });
        let value = counters[ilvl].map_or(levels[ilvl].start, |c| c + 1);
        counters[ilvl] = Some(value);
        for (deeper, level) in levels.iter().enumerate().skip(ilvl + 1) {
            // lvlRestart n: restart when a level numbered 1..=n (1-based) advances.
            // A value naming this level or a deeper one is ignored (the default applies).
            let restart = match level.restart {
                Some(n) if usize::from(n) <= deeper => ilvl < usize::from(n),
                _ => true,
            };
            if restart {
                counters[deeper] = None;
            }
        }
        let this = &levels[ilvl];
        if matches!(this.format, Format::Bullet | Format::None) {
            return Some(Shown::Nothing);
        }
        let mut out = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
                && (1..=9).contains(&d)
            {
                chars.next();
                let l = d as usize - 1;
                let n = counters[l].unwrap_or(levels[l].start);
                let format = if this.legal {
                    &Format::Decimal
                } else {
                    &levels[l].format
                };
                out.push_str(&format.write(n));
            } else {
                out.push(c);
            }
        }
        Some(if out.trim().is_empty() {
            Shown::Nothing
        } else {
            Shown::Number(out)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GONGWEN: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlRestart w:val="0"/></w:lvl>
 <w:lvl w:ilvl="1"><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%2"/></w:lvl>
 <w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
</w:numbering>"#;

    fn shown(n: &mut Numbering, num: u32, ilvl: u8) -> String {
        match n.advance(num, ilvl, &|_| None) {
            Some(Shown::Number(s)) => s,
            Some(Shown::Nothing) => "•".into(),
            None => "-".into(),
        }
    }

    #[test]
    fn a_multilevel_gongwen_list() {
        let mut n = Numbering::parse(GONGWEN, "word/numbering.xml", &Input::Document).unwrap();
        let got: Vec<String> = [
            (1, 0),
            (1, 1),
            (1, 2),
            (1, 2),
            (1, 3),
            (1, 1),
            (1, 2),
            (1, 0),
            (1, 1),
        ]
        .iter()
        .map(|&(num, l)| shown(&mut n, num, l))
        .collect();
        assert_eq!(
            got,
            [
                "一、",
                "（一）",
                "1.",
                "2.",
                "（1）",
                "（二）",
                "1.",
                "二、",
                "（一）"
            ]
        );
        // Another instance of the same definition continues it…
        assert_eq!(shown(&mut n, 1, 0), "三、");
        // …unless it overrides the start.
        assert_eq!(shown(&mut n, 3, 0), "三、");
        assert_eq!(shown(&mut n, 3, 0), "四、");
        assert_eq!(shown(&mut n, 9, 0), "-");
        assert_eq!(shown(&mut n, 1, 7), "-");
    }

    #[test]
    fn a_level_that_never_restarts_counts_on() {
        let xml = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="5">
 <w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/><w:pStyle w:val="H2"/></w:lvl>
 <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:lvlRestart w:val="0"/></w:lvl>
</w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="5"/></w:num></w:numbering>"#;
        let mut n = Numbering::parse(xml, "word/numbering.xml", &Input::Document).unwrap();
        let got: Vec<String> = [0, 1, 1, 0, 1]
            .iter()
            .map(|&l| shown(&mut n, 4, l))
            .collect();
        assert_eq!(got, ["（一）", "1.", "2.", "（二）", "3."]);
        assert_eq!(n.level_for_style(4, Some("H2"), &|_| None), 0);
        assert_eq!(n.level_for_style(4, Some("other"), &|_| None), 0);
    }

    #[test]
    fn other_formats_and_bullets() {
        let mut n = Numbering::parse(GONGWEN, "word/numbering.xml", &Input::Document).unwrap();
        assert_eq!(shown(&mut n, 2, 1), "①");
        assert_eq!(shown(&mut n, 2, 1), "②");
        assert_eq!(shown(&mut n, 2, 2), "•");
        assert_eq!(shown(&mut n, 2, 0), "1.");
        assert_eq!(shown(&mut n, 2, 1), "①");
        assert_eq!(Format::Chinese.write(11), "十一");
        assert_eq!(Format::ChineseLegal.write(12), "拾贰");
        assert_eq!(Format::Parenthesised.write(3), "⑶");
        assert_eq!(Format::Circled.write(21), "(21)");
        assert_eq!(Format::UpperRoman.write(14), "XIV");
        assert_eq!(Format::LowerLetter.write(28), "bb");
        assert_eq!(Format::Heavenly.write(2), "乙");
        assert_eq!(Format::FullWidth.write(12), "１２");
        assert_eq!(Format::ChineseDigits.write(2024), "二〇二四");
    }
}
