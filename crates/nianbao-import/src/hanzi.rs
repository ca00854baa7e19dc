//! Traditional characters as some published reports (and Hong Kong or Taiwan templates) write
//! them: mapped to simplified forms for the comparisons that recognise structure, never in the
//! text that is kept.

/// Pairs of (traditional, simplified) for the characters the recognisers look at: statutory
/// keywords, title and sign-off words, organ names.
const PAIRS: &[(char, char)] = &[
    ('舉', '举'),
    ('報', '报'),
    ('進', '进'),
    ('設', '设'),
    ('與', '与'),
    ('問', '问'),
    ('題', '题'),
    ('責', '责'),
    ('負', '负'),
    ('計', '计'),
    ('劃', '划'),
    ('職', '职'),
    ('況', '况'),
    ('務', '务'),
    ('實', '实'),
    ('關', '关'),
    ('於', '于'),
    ('為', '为'),
    ('開', '开'),
    ('黨', '党'),
    ('層', '层'),
    ('級', '级'),
    ('區', '区'),
    ('縣', '县'),
    ('鎮', '镇'),
    ('鄉', '乡'),
    ('廳', '厅'),
    ('辦', '办'),
    ('員', '员'),
    ('會', '会'),
    ('國', '国'),
    ('經', '经'),
    ('驗', '验'),
    ('點', '点'),
    ('發', '发'),
    ('處', '处'),
    ('體', '体'),
    ('權', '权'),
    ('規', '规'),
    ('範', '范'),
    ('執', '执'),
    ('監', '监'),
    ('應', '应'),
    ('訴', '诉'),
    ('複', '复'),
    ('議', '议'),
    ('據', '据'),
    ('導', '导'),
    ('領', '领'),
    ('單', '单'),
    ('夠', '够'),
    ('難', '难'),
    ('項', '项'),
    ('貫', '贯'),
    ('徹', '彻'),
    ('將', '将'),
    ('現', '现'),
    ('個', '个'),
    ('這', '这'),
    ('們', '们'),
    ('來', '来'),
    ('幹', '干'),
    ('門', '门'),
    ('統', '统'),
    ('戰', '战'),
    ('構', '构'),
    ('機', '机'),
    ('說', '说'),
    ('謀', '谋'),
    ('業', '业'),
    ('產', '产'),
    ('態', '态'),
    ('覽', '览'),
    ('標', '标'),
    ('準', '准'),
    ('歸', '归'),
    ('檔', '档'),
    ('簽', '签'),
    ('號', '号'),
    ('後', '后'),
    ('邊', '边'),
    ('廣', '广'),
    ('東', '东'),
    ('臺', '台'),
    ('灣', '湾'),
    ('專', '专'),
    ('獻', '献'),
    ('優', '优'),
    ('勢', '势'),
    ('創', '创'),
    ('見', '见'),
    ('長', '长'),
    ('鄰', '邻'),
    ('韌', '韧'),
    ('綜', '综'),
    ('條', '条'),
    ('決', '决'),
    ('資', '资'),
    ('訊', '讯'),
    ('網', '网'),
    ('絡', '络'),
    ('數', '数'),
    ('織', '织'),
    ('傳', '传'),
    ('樹', '树'),
    ('紀', '纪'),
    ('錄', '录'),
    ('續', '续'),
    ('護', '护'),
    ('環', '环'),
    ('輔', '辅'),
    ('運', '运'),
    ('營', '营'),
    ('稅', '税'),
    ('費', '费'),
    ('價', '价'),
    ('質', '质'),
    ('衛', '卫'),
    ('醫', '医'),
    ('療', '疗'),
    ('藥', '药'),
    ('華', '华'),
    ('漢', '汉'),
    ('愛', '爱'),
    ('學', '学'),
    ('習', '习'),
    ('練', '练'),
    ('試', '试'),
    ('聽', '听'),
    ('證', '证'),
    ('認', '认'),
    ('識', '识'),
    ('變', '变'),
    ('動', '动'),
];

/// The simplified form of a character the recognisers look at; other characters unchanged.
pub(crate) fn simplify(c: char) -> char {
    // A linear scan is fast enough: only headings and short lines are simplified.
    PAIRS.iter().find(|&&(t, _)| t == c).map_or(c, |&(_, s)| s)
}

/// The string with [`simplify`] applied to every character.
pub(crate) fn simplified(s: &str) -> String {
    s.chars().map(simplify).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_the_words_of_the_statutory_headings() {
        assert_eq!(
            simplified("推進法治政府建設的主要舉措和成效"),
            "推进法治政府建设的主要举措和成效"
        );
        assert_eq!(simplified("存在的問題和不足"), "存在的问题和不足");
        assert_eq!(
            simplified("黨政主要負責人履行第一責任人職責情況"),
            "党政主要负责人履行第一责任人职责情况"
        );
        assert_eq!(simplified("下一年度工作計劃"), "下一年度工作计划");
        assert_eq!(simplified("某區司法局辦公室"), "某区司法局办公室");
        assert_eq!(simplified("简体不变"), "简体不变");
    }
}
