//! Marks that come in pairs: 《》〈〉（）【】〔〕“”‘’, matched within one paragraph.

/// The closing partner of an opening mark.
fn closer(open: char) -> Option<char> {
    Some(match open {
        '《' => '》',
        '〈' => '〉',
        '（' => '）',
        '【' => '】',
        '〔' => '〕',
        '“' => '”',
        '‘' => '’',
        _ => return None,
    })
}

fn is_closer(c: char) -> bool {
    matches!(c, '》' | '〉' | '）' | '】' | '〕' | '”' | '’')
}

/// The indices of marks without a partner, in order. Crossed pairs (`《…（…》…）`) leave
/// the inner opening unpaired. A `’` between two Latin letters is an apostrophe.
pub(crate) fn unpaired(chars: &[char]) -> Vec<usize> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut bad = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if closer(c).is_some() {
            // “…“ : a second opening quote while one is open is a typo for a closing one
            // only the drafter can judge; both stay unpaired unless closed.
            stack.push((c, i));
        } else if is_closer(c) {
            if c == '’'
                && i > 0
                && chars[i - 1].is_ascii_alphabetic()
                && chars.get(i + 1).is_some_and(char::is_ascii_alphabetic)
            {
                continue;
            }
            match stack.iter().rposition(|&(o, _)| closer(o) == Some(c)) {
                Some(pos) => {
                    bad.extend(stack.drain(pos..).skip(1).map(|(_, j)| j));
                }
                None => bad.push(i),
            }
        }
    }
    bad.extend(stack.into_iter().map(|(_, j)| j));
    bad.sort_unstable();
    bad
}

/// The partner a mark lacks, and the pair's name, for messages.
pub(crate) fn describe(c: char) -> (char, &'static str, &'static str) {
    match c {
        '《' => ('》', "书名号", "title marks"),
        '》' => ('《', "书名号", "title marks"),
        '〈' => ('〉', "书名号", "title marks"),
        '〉' => ('〈', "书名号", "title marks"),
        '“' => ('”', "引号", "quotation marks"),
        '”' => ('“', "引号", "quotation marks"),
        '‘' => ('’', "引号", "quotation marks"),
        '’' => ('‘', "引号", "quotation marks"),
        '（' => ('）', "括号", "brackets"),
        '）' => ('（', "括号", "brackets"),
        '【' => ('】', "括号", "brackets"),
        '】' => ('【', "括号", "brackets"),
        '〔' => ('〕', "括号", "brackets"),
        '〕' => ('〔', "括号", "brackets"),
        _ => (c, "标点", "marks"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bad(s: &str) -> Vec<usize> {
        unpaired(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn the_samples_nested_titles_pair() {
        assert!(
            bad("专题研究学习《北京市接诉即办条例》、《关于贯彻落实〈北京市党政领导干部安全生产责任制 实施细则〉的具体措施》")
                .is_empty()
        );
        assert!(bad("依据《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）").is_empty());
        assert!(bad("坚持“四议两公开一监督”民主决策").is_empty());
    }

    #[test]
    fn finds_the_unpaired_mark() {
        // 《民法典 never closed.
        assert_eq!(bad("组织学习《宪法》、《民法典等法律法规。"), [9]);
        // A closing bracket without its opening.
        assert_eq!(bad("聘请了1家律所作为法律顾问）"), [13]);
        // Crossed: 《 … （ … 》 … ）: the （ inside is unpaired, then ） has nothing.
        assert_eq!(bad("《纲要（2021》）"), [3, 9]);
        // Two opening quotes.
        assert_eq!(bad("充分发扬“店小二“精神"), [4, 8]);
        assert!(bad("China’s").is_empty());
    }
}
