fn quotes(text: &str) -> Vec<(String, Option<String>, bool)> {
    super::quotes_with_text(text)
        .into_iter()
        .map(|(content, speaker, q)| (content, speaker, q.direct))
        .collect()
}

#[test]
fn a_verb_with_an_object_does_not_frame_the_clause_before_it() {
    let q = quotes("While the delegation, led by Rubio, appeared optimistic about the next round, they also acknowledged the challenges ahead.");
    assert!(
        !q.iter().any(|(c, _, _)| c.starts_with("led by Rubio")),
        "{q:?}"
    );
    assert!(
        !q.iter()
            .any(|(_, s, _)| s.as_deref() == Some("appeared optimistic")),
        "{q:?}"
    );
    assert!(
        q.iter().any(|(c, _, _)| c == "the challenges ahead"),
        "{q:?}"
    );
    // The frame itself still holds: "CLAUSE, X said" and "CLAUSE, X told the AP".
    let q = quotes("The talks will resume in March, the minister told the AP.");
    assert_eq!(q[0].0, "The talks will resume in March");
    let q = quotes("The talks will resume in March, the minister said on Tuesday.");
    assert_eq!(q[0].0, "The talks will resume in March");
}

#[test]
fn reported_speech_keeps_both_marks_of_the_words_it_quotes() {
    let q = quotes("Both Rubio and Lavrov, however, have said \u{201c}concessions\u{201d} have to be made by \u{201c}all sides\u{201d} to end the war.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].0,
        "\u{201c}concessions\u{201d} have to be made by \u{201c}all sides\u{201d} to end the war"
    );
    let q =
        quotes("The minister said \"talks\" would resume after the summer recess in the capital.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.starts_with("\"talks\" would resume"), "{q:?}");
    // Balanced content is left alone.
    let q = quotes("The mayor said the bridge would reopen on Friday after repairs to its deck.");
    assert_eq!(
        q[0].0,
        "the bridge would reopen on Friday after repairs to its deck"
    );
}

#[test]
fn direct_quote_after_and_before() {
    let q = quotes("Russian Foreign Minister Sergei Lavrov spoke. \"It was a very useful conversation,\" Lavrov said.");
    assert_eq!(
        q,
        [(
            "It was a very useful conversation,".to_string(),
            Some("Lavrov".to_string()),
            true
        )]
    );
    let q = quotes("Zelenskyy said, “We cannot recognize any agreements about us without us.”");
    assert_eq!(q[0].1.as_deref(), Some("Zelenskyy"));
    assert_eq!(
        q[0].0,
        "We cannot recognize any agreements about us without us."
    );
}

#[test]
fn inverted_and_pronoun_speakers() {
    let q = quotes("Marco Rubio arrived. \"We are not going to predetermine what those are,\" said Rubio. \"It is a first step,\" he said.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Rubio"));
    assert_eq!(q[1].1.as_deref(), Some("Rubio"));
}

#[test]
fn role_phrases_resolve_to_the_person_with_that_title() {
    let q = quotes("Foreign Minister Yuri Barzenko met President Dmitri Kalenskyy. \"We came to listen,\" the minister said. \"The river is ours,\" the president said.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Yuri Barzenko"));
    assert_eq!(q[1].1.as_deref(), Some("Dmitri Kalenskyy"));
}

#[test]
fn transcripts_and_continued_quotes() {
    let q = quotes("\"PENCE: Well, look, this is serious business for the country.\nSenator Maria Lind spoke. \"This is in their heads,\" said Lind, speaking of the vote. \"It is one of the things worrying them.\"");
    assert_eq!(
        q[0].0,
        "Well, look, this is serious business for the country."
    );
    assert_eq!(q[0].1.as_deref(), Some("PENCE"));
    assert!(
        q[1].0.starts_with("This is in their heads") && q[1].0.ends_with("worrying them."),
        "{q:?}"
    );
    assert_eq!(q[1].1.as_deref(), Some("Lind"));
}

#[test]
fn quote_spanning_sentences() {
    let q = quotes("Yuri Ushakov briefed reporters. \"It was serious. We talked about everything,\" Ushakov said.");
    assert_eq!(q[0].0, "It was serious. We talked about everything,");
    assert_eq!(q[0].1.as_deref(), Some("Ushakov"));
}

#[test]
fn indirect_quotes() {
    let q = quotes("Kremlin spokesman Dmitry Peskov said that Russia agrees with Ukraine's membership in the EU.");
    assert_eq!(
        q,
        [(
            "Russia agrees with Ukraine's membership in the EU".to_string(),
            Some("Dmitry Peskov".to_string()),
            false
        )]
    );
    let q = quotes("The talks will resume next month, a senior official told reporters.");
    assert_eq!(q[0].0, "The talks will resume next month");
    assert_eq!(q[0].1.as_deref(), Some("a senior official"));
    let q = quotes(
        "According to the State Department, both sides agreed to appoint negotiating teams.",
    );
    assert_eq!(q[0].0, "both sides agreed to appoint negotiating teams");
}

#[test]
fn scare_quotes_are_not_quotes() {
    // The quoted word is nobody's words; what the sides agreed to is a stance, not a direct quote.
    let q = quotes("The two sides agreed to \"normalize\" relations after the meeting.");
    assert!(q.iter().all(|x| !x.2 && x.0 != "normalize"), "{q:?}");
    assert!(quotes("The \"reset\" was a slogan of an earlier era.").is_empty());
}

#[test]
fn a_quote_ending_its_sentence_takes_no_speaker_from_the_next_one() {
    let q = quotes("Bernie Sanders spoke first. Sanders said that he had \"very serious concerns about the industry.\" Sheldon Adelson said he met Trump this week.");
    let direct: Vec<_> = q.iter().filter(|x| x.2).collect();
    assert!(
        direct
            .iter()
            .all(|x| x.1.as_deref() != Some("Sheldon Adelson")),
        "{q:?}"
    );
    assert!(q
        .iter()
        .any(|x| x.1.as_deref() == Some("Sheldon Adelson") && x.0 == "he met Trump this week"));
}

#[test]
fn a_quote_split_by_its_attribution_is_one_quote() {
    let q = quotes("Senator Tom Cole spoke. \"It seems to me they have every incentive to find common ground,\" he said of the two men, \"because they both need one another.\"");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.starts_with("It seems") && q[0].0.ends_with("one another."));
    // A few quoted words inside later reported speech are not a continuation.
    let q = quotes("\"He stands for the middle class,\" Anderson said, adding that Sanders is \"the most trustworthy of the candidates.\"");
    assert!(
        q[0].0.starts_with("He stands") && !q[0].0.contains("adding"),
        "{q:?}"
    );
}

#[test]
fn speaker_behind_an_appositive_and_coordinated_cues() {
    let q = quotes(
        "Marley Anderson, 21, a junior from Las Vegas, said she came to support the senator.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Marley Anderson"));
    assert_eq!(q[0].0, "she came to support the senator");
    let q = quotes("Marco Rubio said his attacks had given the campaign momentum and said that the rival did not represent the party.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].0, "his attacks had given the campaign momentum");
    assert_eq!(q[1].1.as_deref(), Some("Marco Rubio"));
    assert_eq!(q[1].0, "the rival did not represent the party");
}

#[test]
fn attributions_read_across_initials_titles_and_appositives() {
    // An initial's or a title's period is no full stop: these quotes are direct, with their speaker.
    for (text, speaker) in [
        ("Prices fell. \"Things are moving in the right direction,\" Mr. Ekovich said.", "Ekovich"),
        ("Prices fell. \"Things are moving,\" Michael C. Cernech said of the course.", "Michael C. Cernech"),
        (
            "Prices fell. \"Things are moving,\" Michael C. Cernech, the longtime city manager of Tamarac, said of the course.",
            "Michael C. Cernech",
        ),
    ] {
        let q = quotes(text);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert!(q[0].0.starts_with("Things are moving"), "{q:?}");
        assert_eq!(q[0].1.as_deref(), Some(speaker), "{text}");
        assert!(q[0].2, "a quote in quote marks is direct: {text}");
    }
}

#[test]
fn newswire_double_apostrophe_quote_marks() {
    let text = "''I'm a big fan of Paul,'' said Senator Jeff Sessions. ``It works,'' he added.";
    let q = quotes(text);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].0, "I'm a big fan of Paul,");
    assert_eq!(q[0].1.as_deref(), Some("Jeff Sessions"));
    assert_eq!(q[1].0, "It works,");
}

#[test]
fn attributions_at_the_end_and_in_the_middle_of_a_sentence() {
    let q = quotes("Prices rose sharply in the first year of the deal, according to the ministry.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "Prices rose sharply in the first year of the deal");
    assert_eq!(q[0].1.as_deref(), Some("the ministry"));
    let q =
        quotes("The emails covered work topics, the Times said, including speeches and meetings.");
    assert_eq!(
        q[0].0,
        "The emails covered work topics, the Times said, including speeches and meetings"
    );
    let q = quotes("At the heart of the trouble, according to Dennis Ross, a former envoy, was a decision by the president.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].0,
        "At the heart of the trouble, according to Dennis Ross, a former envoy, was a decision by the president"
    );
    assert_eq!(q[0].1.as_deref(), Some("Dennis Ross"));
    // "but that ..." is a second thing said, "but did not ..." the writer's.
    let q =
        quotes("Rubio says he opposes gun violence but that the plans will not help prevent it.");
    assert_eq!(
        q[0].0,
        "he opposes gun violence but that the plans will not help prevent it"
    );
    let q = quotes("Rubio said he supported the plan but did not elaborate.");
    assert_eq!(q[0].0, "he supported the plan");
    // A clause after the cue is what was said, not the words before the comma.
    let q = quotes("Asked about the meeting, Hillary Clinton said she was not going to jump to that conclusion.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "she was not going to jump to that conclusion");
    let q = quotes("Hillary Clinton celebrated in Florida with supporters and said it was another step closer to the White House.");
    assert_eq!(q[0].1.as_deref(), Some("Hillary Clinton"), "{q:?}");
}

#[test]
fn boundaries_of_reported_speech() {
    // The direct quote after "X said," stays a direct quote.
    let q = quotes("Asked a direct question about this in the debate, Hillary Clinton said, \"I do take responsibility for the decision.\"");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2 && q[0].0.starts_with("I do take"), "{q:?}");
    // A new subject ends what was reported.
    let q = quotes(
        "Donald Trump said he would bring back the old rules, he clarified that it would be legal.",
    );
    assert_eq!(q[0].0, "he would bring back the old rules", "{q:?}");
    // A second cue between two quoted parts makes them two quotes.
    let q = quotes("\"They are not affiliated with the campaign,\" she said, adding, \"The candidate is incredibly grateful for their support.\"");
    assert_eq!(q.len(), 2, "{q:?}");
    // A subordinate opening is not part of a mid-sentence attribution.
    let q = quotes("As China builds islands in the sea, it is his job, Ash Carter said, to talk to Congress about the threat.");
    assert_eq!(
        q[0].0, "it is his job, Ash Carter said, to talk to Congress about the threat",
        "{q:?}"
    );
}

#[test]
fn a_semicolon_or_a_contrast_ends_reported_speech() {
    let q = quotes(
        "Most Republicans said they were following the race closely; a quarter of Democrats were not.",
    );
    assert_eq!(q[0].0, "they were following the race closely", "{q:?}");
    let q = quotes(
        "Half of the voters said the mayor should resign, while a third want him to stay in office.",
    );
    assert_eq!(q[0].0, "the mayor should resign", "{q:?}");
}

#[test]
fn pronoun_speaker_skips_people_named_inside_reported_speech() {
    let q = quotes("Secretary of State Marco Rubio said the talks between President Donald Trump and President Vladimir Putin would continue. He said that Russia is ready to engage in the process.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1.as_deref(), Some("Marco Rubio"), "{q:?}");
}

#[test]
fn pronoun_speaker_is_not_a_possessor_in_its_own_sentence() {
    let q = quotes("President Donald Trump met President Volodymyr Zelenskyy last year. Trump appeared to question Zelenskyy\u{2019}s legitimacy as a leader as he demanded Ukraine should hold elections.");
    let elections = q.iter().find(|(c, _, _)| c.ends_with("hold elections"));
    assert_eq!(
        elections.and_then(|(_, s, _)| s.as_deref()),
        Some("Trump"),
        "{q:?}"
    );
    // With nobody else named before it in the sentence, the possessor is still the best guess.
    let q = quotes("President Volodymyr Zelenskyy spoke. Zelenskyy's plane landed in Ankara, where he said the talks had come as a surprise.");
    assert!(
        q.iter().any(|(_, s, _)| s.as_deref() == Some("Zelenskyy")),
        "{q:?}"
    );
}

#[test]
fn a_document_named_by_a_noun_in_ing_or_ly_is_a_source() {
    for (text, source) in [
        ("The fund bought assets in the region and invited a rival to invest, according to a court filing.", "a court filing"),
        ("The foundation helped bring meals to more than 31,000 schools, according to the foundation's tally.", "the foundation's tally"),
    ] {
        let q = quotes(text);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1.as_deref(), Some(source), "{q:?}");
    }
    // Without a determiner the word is still an adverb or a verb.
    let q = quotes("The plan will fail, according to reporting.");
    assert!(
        q.iter().all(|(_, s, _)| s.as_deref() != Some("reporting")),
        "{q:?}"
    );
}

#[test]
fn an_inverted_attribution_may_carry_a_long_appositive() {
    let q = quotes("The senator's strategy was to attach himself to the insurgent wing and crisscross the state, said Mark Jones, a political scientist at Rice University in Houston.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.starts_with("The senator's strategy"), "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Mark Jones"), "{q:?}");
    // The name after "said" is the speaker, not the object of a clause with a subject before it.
    let q = quotes("He also lacks support from his colleagues in Congress, whom he has alienated with his rhetoric, said Larry Sabato, director of the University of Virginia's Center for Politics.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Larry Sabato"), "{q:?}");
}

#[test]
fn a_dateline_with_a_colon_is_not_a_transcript_speaker() {
    let q = quotes("RIYADH, Saudi Arabia: The first round of direct talks between the two countries concluded on Tuesday.");
    assert!(q.is_empty(), "{q:?}");
    let q = quotes("PENCE: Well, look, we are going to win this election in November.");
    assert_eq!(q.len(), 1, "{q:?}");
    // A notice from the newsroom has a label, not a speaker.
    for label in ["CLARIFICATION", "Correction", "Disclosure"] {
        let q = quotes(&format!(
            "{label}: An earlier version of this story gave the wrong date for the vote."
        ));
        assert!(q.iter().all(|x| x.1.as_deref() != Some(label)), "{q:?}");
    }
    // A subhead quoting its speaker: the marks enclose the words.
    let q = quotes("Russia: \"US-Russia Relations Are Key to Global Stability\"");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "US-Russia Relations Are Key to Global Stability");
}

#[test]
fn a_partial_quote_ending_a_reported_clause_belongs_to_the_clause() {
    // The comma inside the closing marks, and the mark between the comma and "said".
    let q = quotes("The firm issued a notice about the layoffs and \"that group of employees are now leaving the business,\" said Laura Gentile, a spokeswoman for the company.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(!q[0].2, "{q:?}");
    assert!(q[0].0.starts_with("The firm issued"), "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Laura Gentile"));
    // A quote that opens a clause reported after its speaker is part of that clause.
    let q = quotes("Clinton argued that \"on her worst day\" she would be a better president than any of them.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.ends_with("than any of them"), "{q:?}");
}

#[test]
fn a_parenthetical_after_the_subject_is_skipped() {
    let q = quotes("Sen. Bernie Sanders (I-Vt.) said he will release his medical records.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Bernie Sanders"), "{q:?}");
}

#[test]
fn a_direct_quote_with_its_attribution_stays_direct() {
    let q = quotes("“Ted Cruz is not my favorite by any means,” Lindsey Graham, a former candidate, told CBS News on Tuesday, when a dozen states held contests.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2, "{q:?}");
    assert_eq!(q[0].0, "Ted Cruz is not my favorite by any means,");
    assert_eq!(q[0].1.as_deref(), Some("Lindsey Graham"));
}

/// Speaker of the quote whose content starts with `start`.
fn speaker_of(q: &[(String, Option<String>, bool)], start: &str) -> Option<String> {
    q.iter()
        .find(|(c, _, _)| c.trim_start_matches(['"', '\u{201c}']).starts_with(start))
        .and_then(|(_, s, _)| s.clone())
}

#[test]
fn he_or_she_from_an_earlier_sentence_is_its_subject() {
    let q = quotes("On Tuesday, Mayor Ilse Varn said during a press conference with her deputy Tomas Brel that the plan was \"a surprise.\" \
        Any changes \"should not take place behind our backs\", she said.");
    assert_eq!(
        speaker_of(&q, "should not take place").as_deref(),
        Some("Ilse Varn"),
        "{q:?}"
    );
}

#[test]
fn a_role_resolves_to_the_person_whose_qualifier_it_shares() {
    let q = quotes("US President Donald Trump spoke on Monday. He later met Turkish President Recep Tayyip Erdogan in Ankara. \
        The US president claimed that the mayor has an approval rating of merely 4 percent.");
    assert_eq!(
        speaker_of(&q, "the mayor has").as_deref(),
        Some("Donald Trump"),
        "{q:?}"
    );
}

#[test]
fn a_time_between_speaker_and_verb_is_not_the_speaker() {
    let q = quotes("Secretary of State Marco Rubio met the delegation on Monday. \
        Rubio on Tuesday said there would be \"engagement and consultation with all partners, and more talks.\"");
    // As written ("Rubio") or resolved ("Marco Rubio"), never "Rubio on Tuesday".
    assert!(
        matches!(
            speaker_of(&q, "engagement").as_deref(),
            Some("Rubio" | "Marco Rubio")
        ),
        "{q:?}"
    );
    let q = quotes(
        "The dispute triggered what analysts said was a new cold war between the two neighbours.",
    );
    assert_eq!(
        speaker_of(&q, "was a new cold war").as_deref(),
        Some("analysts"),
        "{q:?}"
    );
}

#[test]
fn a_second_predicate_joined_by_and_shares_the_first_ones_speaker() {
    let q = quotes(
        "Foreign Minister Yuri Barzenko said that Marovia views NATO's expansion as a threat \
        and reiterated the country's opposition to any new dam upstream.",
    );
    assert_eq!(
        speaker_of(&q, "the country's opposition").as_deref(),
        Some("Yuri Barzenko"),
        "{q:?}"
    );
}

#[test]
fn the_subject_before_an_appositive_speaks_not_a_name_inside_it() {
    // A title's period ("Rep.") ends no sentence; "of New York" belongs to the name.
    let q = quotes("Republican Rep. Lee Zeldin of New York, a Trump supporter, said it will help both the candidate and the speaker.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Lee Zeldin"), "{q:?}");
    // "Davis" inside the appositive is a campus, not the speaker.
    let q = quotes("Mindy Romero, director of the Civic Engagement Project at the University of California, Davis, said Clinton has a strong ground game in the state.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Mindy Romero"), "{q:?}");
    // An introductory phrase is not the subject.
    let q =
        quotes("In a statement, Marta Kovac, the mayor, said the bridge would reopen on Friday.");
    assert_eq!(q[0].1.as_deref(), Some("Marta Kovac"), "{q:?}");
}

#[test]
fn polls_and_groups_are_sources_but_a_subject_with_its_predicate_is_not() {
    let q = quotes(
        "Six in 10 Virginia Democratic primary voters said Clinton is honest and trustworthy.",
    );
    assert_eq!(
        q[0].1.as_deref(),
        Some("Six in 10 Virginia Democratic primary voters"),
        "{q:?}"
    );
    // The subject is Rubio, not the phrase up to the cue.
    let q = quotes("US Secretary of State Marco Rubio sought to allay concerns about the exclusion of Ukraine from the talks.");
    assert!(
        q.iter()
            .all(|(_, s, _)| s.as_deref().is_none_or(|s| !s.contains("sought"))),
        "{q:?}"
    );
    // An auxiliary before the verb is nobody's name; a predicate before a cue is no speaker.
    let q = quotes("Republicans didn't say the nomination would go ahead this year.");
    assert_eq!(q[0].1.as_deref(), Some("Republicans"), "{q:?}");
    let q = quotes("Representative Brooks doesn't mince words about where he stands.");
    assert!(
        q.iter()
            .all(|(_, s, _)| s.as_deref().is_none_or(|s| !s.contains("mince"))),
        "{q:?}"
    );
}

#[test]
fn appositive_chains_and_unnamed_subjects() {
    // The name is the last of the chain, after an opening phrase and a role.
    let q = quotes("After the talks, a senior Russian diplomat, Kirill Dmitriev, said it was too early to speak of concessions.");
    assert_eq!(q[0].1.as_deref(), Some("Kirill Dmitriev"), "{q:?}");
    // A subject that names nobody, set off by an appositive.
    let q =
        quotes("The newspapers, including the Harbour Post, said the mayor was not fit to serve.");
    assert_eq!(q[0].1.as_deref(), Some("The newspapers"), "{q:?}");
    assert_eq!(q[0].0, "the mayor was not fit to serve");
    // Not an opening phrase, though.
    let q = quotes("Following the talks, a diplomat, said nothing would change.");
    assert!(
        q.iter()
            .all(|(_, s, _)| s.as_deref() != Some("Following the talks")),
        "{q:?}"
    );
    // An amount after "said about" opens the clause.
    let q = quotes("The budget office said about half of the rise came from lost revenue.");
    assert_eq!(
        q[0].0, "about half of the rise came from lost revenue",
        "{q:?}"
    );
}

#[test]
fn an_interrupting_attribution_is_not_part_of_the_spoken_words() {
    assert_eq!(
        super::spoken_words(
            "It's unusual,\u{201d} said Larry Noble, a lawyer. \u{201c}It's hard to do."
        ),
        "It's unusual \u{2026} It's hard to do."
    );
    // Quoted titles inside a quote have no verb of saying between their marks.
    let s = "We read \"War and Peace\" twice";
    assert_eq!(super::spoken_words(s), s);
}

#[test]
fn according_to_inside_a_short_opening_and_told_with_this() {
    let q = quotes("Fundraising, according to the campaign, has surged in the same period.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("the campaign"));
    assert!(q[0].0.ends_with("has surged in the same period"), "{q:?}");
    // A name qualifying a noun is not the source.
    let q = quotes("The implication, according to the Sanders aide, is that the rival cheated.");
    assert_eq!(q[0].1.as_deref(), Some("the Sanders aide"), "{q:?}");
    // "this" opens the reported clause here, not a time.
    let q = quotes("Cornyn told reporters this was the only chance to pass the measure.");
    assert_eq!(
        q[0].0, "this was the only chance to pass the measure",
        "{q:?}"
    );
    let q = quotes("Cornyn told reporters this week that the measure would pass.");
    assert_eq!(q[0].0, "the measure would pass", "{q:?}");
}

#[test]
fn a_named_subject_and_a_colon_introduce_a_quote_whatever_the_verb() {
    let q = quotes("Marta Kovac went even further: \u{201c}If he goes ahead and loses, it is the end of his career.\u{201d}");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Marta Kovac"), "{q:?}");
    assert!(q[0].2);
    // A colon after something that names nobody introduces no one's words.
    let q = quotes(
        "The sign on the door read: \u{201c}Closed until further notice for repairs.\u{201d}",
    );
    assert!(
        q.iter().all(|(_, s, _)| s.as_deref() != Some("The sign")),
        "{q:?}"
    );
}

#[test]
fn a_time_or_place_holds_no_view() {
    use crate::analyze::tokens::tokenize;
    assert!(!super::speaker::looks_like_np(&tokenize("on Tuesday")));
    assert!(!super::speaker::looks_like_np(&tokenize(
        "in the Saudi capital"
    )));
    assert!(super::speaker::looks_like_np(&tokenize(
        "the foreign minister"
    )));
}

#[test]
fn a_quoted_phrase_closed_after_its_comma_keeps_its_closing_mark() {
    let q = quotes("In a press conference, Lavrov described the discussions as \"very useful,\" noting that both sides would meet again.");
    assert!(
        q.iter()
            .any(|(c, _, _)| c == "the discussions as \"very useful,\""),
        "{q:?}"
    );
}

#[test]
fn a_participle_after_said_reports_for_the_same_speaker() {
    let q = quotes("\u{201c}We cannot accept it,\u{201d} Zelenskyy said, adding that Ukraine had not been told about the talks.");
    let added = q
        .iter()
        .find(|(c, _, d)| !d && c.contains("had not been told"))
        .expect("the added clause");
    assert_eq!(
        added.0, "Ukraine had not been told about the talks",
        "{q:?}"
    );
    assert_eq!(added.1.as_deref(), Some("Zelenskyy"), "{q:?}");
}

#[test]
fn a_statement_relayed_by_the_media_is_listed_under_its_speaker_too() {
    let q = quotes("Kremlin spokesperson Dmitry Peskov said on Wednesday that the leaders could meet this month, Russian media reported.");
    assert!(
        q.iter()
            .any(|(c, s, _)| s.as_deref() == Some("Russian media") && c.starts_with("Kremlin")),
        "{q:?}"
    );
    assert!(
        q.iter()
            .any(|(c, s, _)| s.as_deref() == Some("Dmitry Peskov")
                && c == "the leaders could meet this month"),
        "{q:?}"
    );
}

#[test]
fn adverbs_relatives_and_closing_marks_between_a_speaker_and_a_cue() {
    // An adverb between subject and verb.
    let q =
        quotes("The talks ended.\n\nThe Kremlin is already hoping for the return of US companies.");
    assert!(
        q.iter().any(|(_, s, _)| s.as_deref() == Some("Kremlin")),
        "{q:?}"
    );
    // A participle after a quoted phrase closed past its comma.
    let q = quotes("Lavrov described the talks as \"very useful,\" noting both sides will hold regular consultations.");
    let noting = q
        .iter()
        .find(|(c, _, _)| c.starts_with("both sides"))
        .expect("the noted clause");
    assert_eq!(noting.1.as_deref(), Some("Lavrov"), "{q:?}");
    // A relative clause: its pronoun and the verb after it both go back to the subject.
    let q = quotes("European leaders, who see Russia as their biggest security threat, have also expressed their concerns about the talks.");
    assert!(
        q.iter()
            .all(|(_, s, _)| s.as_deref() == Some("European leaders")),
        "{q:?}"
    );
    assert_eq!(q.len(), 2, "{q:?}");
}

#[test]
fn a_paragraph_opening_with_an_unattributed_quote_continues_the_one_before() {
    let q = quotes(
        "\u{201c}We will keep calm in turbulent times,\u{201d} Clinton said.\n\n\
         \u{201c}And that is why steady leadership is so important now.\u{201d}\n\n\
         The senator left the hall after the speech.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2, "{q:?}");
    assert!(q[0].0.starts_with("We will keep calm"), "{q:?}");
    assert!(q[0].0.ends_with("so important now."), "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Clinton"));
    // A paragraph with its own attribution is a quote of its own.
    let q = quotes(
        "\u{201c}We will talk again in March,\u{201d} Clinton said.\n\n\
         \u{201c}The river is not for sale,\u{201d} the minister said.",
    );
    assert_eq!(q.iter().filter(|(_, _, d)| *d).count(), 2, "{q:?}");
}

#[test]
fn a_plural_noun_is_no_speech_verb() {
    // "states" after "a dozen" is a noun: the second part goes on with Graham's quote.
    let q = quotes(
        "\u{201c}Ted Cruz is not my favorite by any means,\u{201d} Graham, a former candidate, told CBS News \
         on Tuesday, when a dozen states held contests to choose party nominees. \u{201c}But we may have to \
         rally around him to stop the front-runner.\u{201d}",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Graham"), "{q:?}");
    assert!(
        q[0].0.ends_with("front-runner.\u{201d}") || q[0].0.ends_with("front-runner."),
        "{q:?}"
    );
    assert!(super::noun_use(Some("dozen"), "states"));
    assert!(!super::noun_use(Some("minister"), "states"));
    assert!(!super::noun_use(Some("a"), "said"));
}

#[test]
fn an_inverted_attribution_to_an_unnamed_person_ends_at_the_full_stop() {
    let q = quotes(
        "Senator John Walsh spoke in Denver on Monday about the budget.\n\n\"We will win this vote easily,\" the senator said.\n\n\"The plan is a disaster for the state,\" said a former aide.",
    );
    // The aide's quote is a quote of its own, not the senator's quote going on.
    assert_eq!(
        speaker_of(&q, "We will win"),
        Some("John Walsh".into()),
        "{q:?}"
    );
    assert_eq!(
        speaker_of(&q, "The plan"),
        Some("a former aide".into()),
        "{q:?}"
    );
    assert!(
        !q.iter()
            .any(|x| x.0.contains("win") && x.0.contains("disaster")),
        "{q:?}"
    );
}

#[test]
fn reported_speech_ending_in_a_newswire_mark_keeps_both_apostrophes() {
    let q = quotes("Not paying taxes ''makes me smart,'' Donald J. Trump said last week.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "Not paying taxes ''makes me smart,''");
}

#[test]
fn a_verb_after_a_quote_and_a_preposition_is_no_attribution() {
    // "revealed" is a speech verb, but the phrase after it is not the surrogates' source.
    let q = quotes("His surrogates called him ''a genius'' for his recently revealed tax avoidance strategies.");
    assert!(
        q.iter()
            .all(|x| x.1.as_deref() != Some("tax avoidance strategies")),
        "{q:?}"
    );
}

#[test]
fn a_place_after_a_preposition_holds_no_view() {
    let q =
        quotes("Senator John Walsh spoke in Denver on Monday about the budget plan and the vote.");
    assert!(q.iter().all(|x| x.1.as_deref() != Some("Denver")), "{q:?}");
}

#[test]
fn a_quote_resumed_after_a_long_attribution_sentence_is_one_quote() {
    for (open, close) in [("\"", "\""), ("''", "''")] {
        let text = format!(
            "{open}We're just going to have to come to terms with it,{close} Trent Lott, who was Republican Senate majority leader under George W. Bush, told lawmakers on a recent visit to Capitol Hill. {open}He might just be the nominee.{close}"
        );
        let q = quotes(&text);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            super::spoken_words(&q[0].0),
            "We're just going to have to come to terms with it \u{2026} He might just be the nominee."
        );
    }
}

#[test]
fn told_reports_the_clause_after_whom_it_names_and_nothing_without_one() {
    let q = quotes("Ben Carson told a crowded banquet hall at a hotel in downtown Baltimore that he is not giving up.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "he is not giving up");
    for text in [
        "Trump told cheering supporters in Nashua on Monday morning.",
        "Obama told a townhall meeting with young leaders in Ho Chi Minh City.",
    ] {
        assert!(quotes(text).is_empty(), "{text}: {:?}", quotes(text));
    }
    let q = quotes("Obama told his advisers to find a way around Congress.");
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn according_to_a_source_with_an_appositive_ends_the_reported_clause() {
    let q = quotes("Forty-three percent of all contributions have come from women, according to an analysis by Crowdpac, a political crowdfunding website, higher than any cycle on record.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].0,
        "Forty-three percent of all contributions have come from women"
    );
    // A short subject before the attribution: the sentence goes on after it.
    let q = quotes(
        "The economy, according to officials at the ministry, will grow by 3 percent next year.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.ends_with("next year"), "{q:?}");
}

#[test]
fn a_bare_time_after_the_cue_is_followed_by_the_clause() {
    for text in [
        "New Jersey Gov. Chris Christie said Tuesday he would issue a quarantine.",
        "New Jersey Gov. Chris Christie said last week he would issue a quarantine.",
    ] {
        let q = quotes(text);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "he would issue a quarantine", "{text}");
    }
}

#[test]
fn a_title_case_headline_reports_what_its_subject_says() {
    let q = quotes("Chris Christie Says He Would Issue A Quarantine Over Zika Virus\n\nThe governor spoke in Trenton.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "He Would Issue A Quarantine Over Zika Virus");
    assert_eq!(q[0].1.as_deref(), Some("Chris Christie"));
    // A headline without a cue reports nothing.
    assert!(quotes(
        "Christie Issues A Quarantine Over Zika Virus\n\nThe governor spoke in Trenton."
    )
    .is_empty());
    // Other verbs of reporting, and the speaker last.
    let q = quotes("New Poll Shows Minor Bump For The Mayor\n\nThe poll was taken in May.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "Minor Bump For The Mayor");
    let q = quotes(
        "Harbour Deal Could Save The Ferries, Marta Velsen Says.\n\nThe board met on Friday.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "Harbour Deal Could Save The Ferries");
    assert_eq!(q[0].1.as_deref(), Some("Marta Velsen"));
    // A comma far from the cue does not make the words after it a speaker.
    assert!(quotes(
        "Ferries, Buses And Trains Will Run Late On Every Line The Board Says\n\nThe board met."
    )
    .iter()
    .all(|q| q.1.as_deref() != Some("Buses And Trains Will Run Late On Every Line The Board")));
}

#[test]
fn a_title_in_quote_marks_before_an_attribution_is_not_a_quote() {
    let q = quotes("Trump spoke to \u{201c}Good Morning America\u{201d} Tuesday, he said, \u{201c}I never said I was going to pay for fees.\u{201d}");
    assert!(q.iter().all(|x| x.0 != "Good Morning America"), "{q:?}");
    assert!(q.iter().any(|x| x.0.starts_with("I never said")), "{q:?}");
    // Spoken words that run on into the sentence are still a quote.
    let q = quotes("\u{201c}You squeezed employees to the breaking point\u{201d} to drive up the stock price, Warren said.");
    assert!(q.iter().any(|x| x.0.contains("You squeezed")), "{q:?}");
}

#[test]
fn the_title_of_a_show_or_book_named_beside_a_quote_is_not_a_quote() {
    // The show's name sits between the two parts of one quotation: the parts join, the name is dropped.
    let q = quotes("\u{201c}We will finish the bridge by spring,\u{201d} Mayor Ilse Varga said on Channel Four\u{2019}s \u{201c}Harbour Morning Report.\u{201d} \u{201c}The money for it is there.\u{201d}");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(
        q[0].0.starts_with("We will finish") && q[0].0.ends_with("is there."),
        "{q:?}"
    );
    assert_eq!(q[0].1.as_deref(), Some("Ilse Varga"));
    let q = quotes("In an interview on the Coast Radio programme \"Tides and Times,\" Varga said the ferry would run again.");
    assert!(q.iter().all(|x| x.0 != "Tides and Times"), "{q:?}");
    let q = quotes("In her 2019 memoir, \"Salt on the Quay,\" Varga wrote about the strike.");
    assert!(q.iter().all(|x| !x.0.contains("Salt on the Quay")), "{q:?}");
    // Capitalised words someone is said to have spoken are still a quote.
    let q = quotes("Asked about the delay, Varga said: \u{201c}Build The Bridge Now.\u{201d}");
    assert!(
        q.iter().any(|x| x.0.contains("Build The Bridge Now")),
        "{q:?}"
    );
}

#[test]
fn about_an_amount_or_about_to_is_no_topic_of_a_view() {
    for text in [
        "In each of those states, about a third of Democratic voters or less want a switch to more liberal policies.",
        "Kasich is campaigning in Massachusetts. He\u{2019}s about to kick off an afternoon town hall in Worcester, Mass., following a morning meeting.",
    ] {
        let q = quotes(text);
        assert!(
            q.iter()
                .all(|x| x.2 || !x.0.starts_with("a third") && !x.0.starts_with("to kick")),
            "{text}: {q:?}"
        );
    }
}

#[test]
fn the_question_an_interview_put_is_reported_apart_from_the_answer() {
    let q = quotes("Asked whether he would run again, Smith said he had not decided.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(
        (q[0].0.as_str(), q[0].1.as_deref()),
        ("whether he would run again", None)
    );
    assert_eq!(q[1].0, "he had not decided");
    assert_eq!(q[1].1.as_deref(), Some("Smith"));
    let q = quotes("\u{201c}Everything but Hillary Clinton,\u{201d} Le Pen told CNN in an interview when asked which U.S. candidate she would back.");
    assert!(
        q.iter()
            .any(|x| x.0 == "which U.S. candidate she would back"),
        "{q:?}"
    );
}

#[test]
fn a_dash_and_a_name_closing_the_line_attribute_a_pull_quote() {
    let q = quotes("Readers wrote in.\n\n\u{201c}Maybe we can build a wall around him.\u{201d}\u{a0}\u{2015} Steve Quinlan\u{a0}\n\u{201c}Trump must stop portraying Latinos as gangsters, unlike him.\u{201d}\u{2015} Carla Sanchez.\n\n\"We will win this thing easily,\" -- Jorge Falcon");
    assert_eq!(
        speaker_of(&q, "Maybe we"),
        Some("Steve Quinlan".into()),
        "{q:?}"
    );
    assert_eq!(
        speaker_of(&q, "Trump must"),
        Some("Carla Sanchez".into()),
        "{q:?}"
    );
    assert_eq!(
        speaker_of(&q, "We will win"),
        Some("Jorge Falcon".into()),
        "{q:?}"
    );
    // A dash that goes on with the sentence names nobody.
    let q = quotes("Readers wrote in.\n\n\u{201c}We won the whole thing,\u{201d} \u{2014} and they did win it, in the end.");
    assert!(
        q.iter()
            .all(|x| x.1.is_none() || x.1.as_deref() == Some("they")),
        "{q:?}"
    );
}

#[test]
fn reported_speech_in_a_relative_clause_ends_at_its_closing_comma() {
    let q =
        quotes("Critics, who say the law unfairly targets gay and lesbian people, plan to sue.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "the law unfairly targets gay and lesbian people");
    assert_eq!(q[0].1.as_deref(), Some("Critics"));
}

#[test]
fn a_verb_with_its_object_or_a_prepositional_phrase_names_no_speaker() {
    for text in [
        "Meanwhile, Trump\u{2019}s official campaign account has been busy, re-tweeting several negative comments about Fox News host Megyn Kelly\u{2019}s election coverage.",
        "Ben Carson spoke on Sunday. The candidate also continued to refute a Politico story about his claim that he\u{2019}d been offered a full scholarship to West Point.",
    ] {
        let q = quotes(text);
        assert!(
            q.iter().all(|x| !x.1.as_deref().is_some_and(|s| s.starts_with(|c: char| c.is_lowercase()) && s.contains(' ') && !s.starts_with("the "))),
            "{text}: {q:?}"
        );
    }
}

#[test]
fn a_quote_interrupted_by_an_unnamed_speaker_stays_one_quote() {
    // The cue in the gap carries punctuation ("says,", "said."): it is still the same attribution.
    let cases = [
        ("The mayor spoke.\n\n\u{201c}If he thinks that makes him smart,\u{201d} the narrator says, \u{201c}what does he think of you?\u{201d}", "think of you?"),
        ("The mayor spoke.\n\n\"We will win,\" she said. \"The plan is ready and it will be funded.\"", "will be funded."),
    ];
    for (text, last_words) in cases {
        let q = quotes(text);
        let [(words, _, direct)] = q.as_slice() else {
            panic!("one quote expected: {q:?}");
        };
        assert!(*direct && words.ends_with(last_words), "{q:?}");
    }
}

#[test]
fn a_quote_goes_on_after_its_attribution_and_a_few_words_of_scene() {
    let q = quotes("The senator spoke.\n\n\"I don't think it is do or die,\" he said outside the building. \"But the endorsement helps a great deal.\"");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.ends_with("great deal."), "{q:?}");
    // A second part with an attribution of its own is its own quote.
    let q = quotes("The senator spoke.\n\n\"I don't think it is do or die,\" he said outside the building. \"But the endorsement helps a great deal,\" said Jane Doe.");
    assert_eq!(q.len(), 2, "{q:?}");
}

#[test]
fn a_poll_opening_the_sentence_is_the_source_of_its_clause() {
    let q = super::quotes_with_text(
        "In a CNN poll released last month, the senator held a ten-point lead among young voters.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].0,
        "the senator held a ten-point lead among young voters"
    );
    assert_eq!(q[0].1.as_deref(), Some("a CNN poll released last month"));
    // A place is no source.
    let q = quotes("In the capital, the senator held a rally on Friday.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_titled_name_before_a_colon_speaks_but_a_section_head_does_not() {
    let q = super::quotes_with_text("The pollsters looked back on Tuesday.\n\nRepublican pollster Daron Shaw: \u{201c}Lesser-known candidates who beat established ones early have seen the biggest boost.\u{201d}");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Daron Shaw"));
    assert!(q[0].0.starts_with("Lesser-known"), "{q:?}");
    let q = quotes("The report has four parts.\n\nLimited Tools to Fight Terrorism: The organisation was set up when conflicts erupted among nations.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn it_and_they_are_never_the_person_named_before() {
    let q = super::quotes_with_text("Jane Doe read the ruling aloud.\n\nIn cases of this kind, it said, \u{201c}the woman is the victim of the crime.\u{201d}");
    let said = q
        .iter()
        .find(|(c, _, _)| c.starts_with("the woman"))
        .expect("the quote");
    assert_eq!(said.1.as_deref(), Some("it"), "{q:?}");
    assert!(said.2.speaker.as_ref().is_some_and(|s| s.key.is_none()));
}

#[test]
fn the_object_of_a_cue_before_a_quote_is_not_its_speaker() {
    let q = super::quotes_with_text("\"Donald put Freddy down quite a bit,\" said Anna Schifano, a friend who was at the dinner and recalled his tendency to storm out. \"He was just merciless about it.\"");
    assert!(
        q.iter()
            .all(|(_, s, _)| s.as_deref() != Some("his tendency")),
        "{q:?}"
    );
    assert!(
        q.iter()
            .any(|(c, s, _)| c.ends_with("merciless about it.")
                && s.as_deref() == Some("Anna Schifano")),
        "{q:?}"
    );
}

#[test]
fn attributions_with_a_parenthetical_an_opening_phrase_or_a_tweet() {
    // A party-and-state parenthetical does not make the attribution too long to be one.
    let q = quotes("The ferries could run all winter, Sen. Marta Velsen (D-Ore.) told the Harbour Gazette on Thursday.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "The ferries could run all winter");
    assert_eq!(q[0].1.as_deref(), Some("Marta Velsen"));
    // "said that, if ..., CLAUSE": the phrase after "that" opens the clause.
    let q = quotes("He said that, if elected, he would leave such decisions to the harbour board.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(
        q[0].0
            .ends_with("leave such decisions to the harbour board"),
        "{q:?}"
    );
    // Whatever follows a closing "according to" is the source.
    let q = quotes("The board had a bigger cash balance at year's end, according to figures its chair released Friday.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "The board had a bigger cash balance at year's end");
    assert_eq!(q[0].1.as_deref(), Some("figures its chair released Friday"));
    // So does telling someone, and replying.
    let q = quotes("Velsen is telling a veterans group that the harbour fleet is depleted.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "the harbour fleet is depleted");
    let q = quotes("The minister replied that the ferries would run all winter.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "the ferries would run all winter");
    // A tweet reports a claim like a statement does.
    let q = quotes("Velsen tweeted in the early morning hours that the board was a disgrace.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "the board was a disgrace");
}

#[test]
fn verbs_of_the_manner_of_speaking_attribute_direct_quotes() {
    for text in [
        "\u{201c}Go back to the harbour,\u{201d} Velsen barked.",
        "\u{201c}This is fantastic!\u{201d} beamed Marta Velsen.",
        "\u{201c}We will see about that,\u{201d} Velsen scoffed.",
    ] {
        let q = quotes(text);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert!(
            q[0].1.as_deref().is_some_and(|s| s.contains("Velsen")),
            "{q:?}"
        );
        assert!(q[0].2, "{q:?}");
    }
    // An age as the speaker: "said the 46-year-old".
    let q = quotes("\u{201c}The ferries will run,\u{201d} said the 46-year-old.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("the 46-year-old"));
}

#[test]
fn an_inverted_attribution_may_carry_an_appositive_with_commas_and_clauses() {
    for text in [
        "Its first ferry could sail this week, said Brian Velsen, a longtime adviser to the Harbour family who oversees the board's last-minute campaign to stop the strike.",
        "The moves led to the removal of the ferries from all but one of the routes, said Marta N. Velsen, a senior official with the harbour board that oversees them.",
    ] {
        let q = quotes(text);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert!(q[0].1.as_deref().is_some_and(|s| s.contains("Velsen")), "{q:?}");
        assert!(q[0].0.starts_with("Its first ferry") || q[0].0.starts_with("The moves"), "{q:?}");
    }
}

#[test]
fn a_place_that_opens_the_sentence_speaks_through_an_appositive() {
    for text in [
        "Marovia, Belkania's only ally, said it was resolutely opposed to the dam.",
        "Even Marovia, Belkania's only ally, said it was resolutely opposed to the dam.",
    ] {
        let q = quotes(text);
        assert!(
            q.iter()
                .any(|x| x.0 == "it was resolutely opposed to the dam"
                    && x.1.as_deref() == Some("Marovia")),
            "{text}: {q:?}"
        );
    }
    // A place inside a later segment describes the subject; it is not the subject.
    let q = quotes("Mindy Romero, director of the project at the University of California, Davis, said the dam was a failure.");
    assert_eq!(q[0].1.as_deref(), Some("Mindy Romero"), "{q:?}");
}

#[test]
fn a_fronted_phrase_says_where_words_were_said_not_what() {
    let q = quotes("In her 2019 memoir, Varga wrote about the strike.");
    assert!(q.iter().all(|x| x.0 != "In her 2019 memoir"), "{q:?}");
    // A clause before the attribution is still what was said.
    let q = quotes("In the end the ferry was saved, Varga said.");
    assert!(
        q.iter().any(|x| x.0 == "In the end the ferry was saved"),
        "{q:?}"
    );
}
