"""builder/archive/identity.py and the name shapes of builder/archive/evidence.py: one person, one page, and
no page for an organisation, a country or a cartoon. The articles are sentences of ../shared/corpus/scale;
the people in them are what the annotator proposed there, written out by hand so that the archive stage
is tested alone (the helpers of test_evidence.py)."""

from __future__ import annotations

import pytest

from builder.archive.evidence import not_a_name
from builder.archive.identity import agree, parts
from tests.unit.archive.test_evidence import _index


def _names(archive) -> set[str]:
    return {p.name for p in archive.people.values()}


def test_a_name_cut_at_the_comma_before_jr_is_the_son_under_his_full_name():
    archive, listed = _index(
        ("Biden welcomed President Ferdinand R. Marcos, Jr.", ("Ferdinand R. Marcos",)),
        ("President Biden met today at the White House with President Ferdinand R. Marcos, Jr.",
         ("Ferdinand R. Marcos Jr",)),
        ("Readout of President Biden’s Meeting with Philippine President Ferdinand Marcos Jr.", ("Ferdinand Marcos Jr",)))
    assert _names(archive) == {"Ferdinand R. Marcos Jr"} and listed == {"Ferdinand R. Marcos Jr"}
    assert all(len(item.annotation.people) == 1 for item in archive.articles)


def test_a_father_without_the_suffix_stays_apart_from_the_son():
    archive, _ = _index(
        ("Born into a revered family of service, Robert F. Kennedy forged a path toward freedom that endures today.",
         ("Robert F. Kennedy",)),
        ("And it’s going to be a real honor for me to introduce Robert F. Kennedy, Jr.", ("Robert F. Kennedy Jr",)))
    assert _names(archive) == {"Robert F. Kennedy", "Robert F. Kennedy Jr"}


def test_a_middle_initial_and_the_middle_name_it_abbreviates_are_one_person():
    archive, _ = _index(
        ("He also served as a member of the White House staff for President Lyndon B. Johnson.", ("Lyndon B. Johnson",)),
        ("Back in 1964, President Johnson — Lyndon Baines Johnson came to Rocky Mountain [Mount] and spoke.",
         ("Lyndon Baines Johnson",)),
        ("Martin Luther King met with President Lyndon Johnson in 1964 to push for the passage of the Voting Rights Act.",
         ("Lyndon Johnson",)))
    assert len(archive.people) == 1 and len({p.id for item in archive.articles for p in item.annotation.people}) == 1


def test_different_middle_initials_are_different_people_and_the_bare_name_is_neither():
    assert agree(parts("Lyndon B. Johnson"), parts("Lyndon Baines Johnson"))
    assert not agree(parts("George W. Bush"), parts("George H. W. Bush"))
    assert not agree(parts("Robert F. Kennedy Sr."), parts("Robert F. Kennedy Jr."))
    archive, _ = _index(
        ("President of Ukraine Volodymyr Zelenskyy held a video conference with the 43rd President of the United "
         "States of America George W. Bush.", ("George W. Bush",)),
        ("The 41st President, George H. W. Bush, signed it.", ("George H. W. Bush",)),
        ("George Bush was there.", ("George Bush",)))
    assert _names(archive) == {"George W. Bush", "George H. W. Bush", "George Bush"}


def test_a_quoted_name_without_a_middle_initial_is_not_folded_into_a_fuller_one():
    archive, _ = _index(
        ("Sen. John Kennedy: “President Trump has awakened our NATO friends from their slumber.”", ("John Kennedy",),
         "en", ("John Kennedy",)),
        ("The records relating to the assassination of President John F. Kennedy are released.", ("John F. Kennedy",)))
    assert _names(archive) == {"John Kennedy", "John F. Kennedy"}


def test_a_quoted_name_without_a_middle_initial_joins_the_fuller_one_when_it_holds_no_other_office():
    archive, listed = _index(
        ("It will feature Secretary Janet Yellen, as well as some of our other economic leaders.", ("Janet Yellen",),
         "en", ("Janet Yellen",)),
        ("The Honorable Janet L. Yellen, Secretary of the Treasury, U.S. Department of the Treasury.", ("Janet L. Yellen",)))
    assert len(archive.people) == 1 and len(listed) == 1


def test_a_name_in_both_orders_is_one_person():
    archive, listed = _index(
        ("President Trump hosted Japanese Prime Minister Shigeru Ishiba, who announced his intention to invest.",
         ("Shigeru Ishiba",)),
        ("President Joseph R. Biden, Jr. called Ishiba Shigeru today to congratulate him on his election.",
         ("Ishiba Shigeru",)),
        ("Remarks by President Biden, Prime Minister Ishiba Shigeru of Japan, and President Yoon Suk Yeol.",
         ("Ishiba Shigeru",)))
    assert _names(archive) == {"Ishiba Shigeru"} and listed == {"Ishiba Shigeru"}


def test_a_surname_with_its_arabic_article_joined_or_apart_is_one_person():
    archive, listed = _index(
        ("President Biden and President Abdel Fattah El-Sisi of Egypt announced the agreement.",
         ("Abdel Fattah El-Sisi",)),
        ("President Biden spoke today with President Abdel Fattah Al-Sisi of Egypt.", ("Abdel Fattah Al-Sisi",)),
        ("I extend my sincere gratitude to President Al Sisi and the senior Egyptian officials.", ("Al Sisi",)))
    assert len(archive.people) == 1 and len(listed) == 1


def test_a_name_cut_short_is_the_longer_name_it_is_written_in():
    archive, listed = _index(
        ("And Representatives Sheila Jackson Lee, Al Green, Sylvia Garcia were there.", ("Sheila Jackson",)),
        ("Representative Barbara Lee, Chair Joyce Beatty, and Sheila Jackson Lee.", ("Sheila Jackson Lee",)))
    assert _names(archive) == {"Sheila Jackson Lee"} and listed == {"Sheila Jackson Lee"}
    # a name written on its own is not the longer name that starts with it
    archive, _ = _index(
        ("This ragtag army made up of ordinary people. Their mission, George Washington declared, was nothing less.",
         ("George Washington",)),
        ("General George Washington knew he faced the most daunting of tasks.", ("George Washington",)),
        ("George Washington Carver was a scientist.", ("George Washington Carver",)))
    assert _names(archive) == {"George Washington", "George Washington Carver"}


def test_a_compound_surname_alone_is_the_better_known_whole_name_but_not_after_an_honorific():
    archive, listed = _index(
        ("Governor Lujan Grisham underscored the impacts of the fires on the state.", ("Lujan Grisham",)),
        ("First Lady Jill Biden, New Mexico Governor Michelle Lujan Grisham, and Minnesota Lieutenant Governor Peggy "
         "Flanagan also attended the convening and delivered remarks.", ("Michelle Lujan Grisham",)),
        ("Garcia has served in the Office of New Mexico Governor Michelle Lujan Grisham as Chief of Staff from 2020 "
         "to 2022.", ("Michelle Lujan Grisham",)))
    assert _names(archive) == {"Michelle Lujan Grisham"} and listed == {"Michelle Lujan Grisham"}
    archive, _ = _index(
        ("It will build on President López Obrador’s public efforts to prevent youth drug use in Mexico.",
         ("López Obrador",)),
        ("It was exemplified by the telephone conversation between President Joe Biden and President López Obrador.",
         ("López Obrador",)),
        ("Ambassador to Mexico Ken Salazar met with Mexican President Andrés Manuel López Obrador and Foreign "
         "Secretary Alicia Bárcena.", ("Andrés Manuel López Obrador",)),
        ("In the spirit of their strong partnership, President Joe Biden spoke to President Andrés Manuel López "
         "Obrador of Mexico this afternoon.", ("Andrés Manuel López Obrador",)),
        ("President Biden met today with President Andrés Manuel López Obrador of Mexico, in San Francisco.",
         ("Andrés Manuel López Obrador",)),
        ("President Biden met today with President Andrés Manuel López Obrador of Mexico.", ("Manuel López Obrador",)))
    assert _names(archive) == {"Andrés Manuel López Obrador"}  # no given name: the whole name, in three articles
    archive, _ = _index(
        ("Deputy Assistant to the President for Economic Mobility Carmel Martin, and Domestic Policy Advisor to Vice "
         "President Harris Rohini Kosoglu.", ("Harris Rohini Kosoglu",)),
        ("Yesterday, Jennifer Klein, Director of the White House Gender Policy Council, and Rohini Kosoglu, Domestic "
         "Policy Advisor to the Vice President, hosted a meeting.", ("Rohini Kosoglu",)),
        ("Acting Director of the White House Initiative on AAPIs Laura Shin, and Domestic Policy Advisor to the Vice "
         "President Rohini Kosoglu hosted a virtual roundtable.", ("Rohini Kosoglu",)))
    assert "Rohini Kosoglu" in _names(archive)  # the end of a name seldom written is not folded into it
    archive, _ = _index(
        ("Mr. Sullivan thanked Sheikh Mohammed for his unwavering efforts in this regard.", ("Sheikh Mohammed",)),
        ("Q Does the President support that — that sort of deal for Khalid Sheikh Mohammed and some of the other 9/11 "
         "plotters? And what does he say to the families.", ("Khalid Sheikh Mohammed",)),
        ("Q Does the President support that — that sort of deal for Khalid Sheikh Mohammed and some of the other 9/11 "
         "plotters? We will follow up.", ("Khalid Sheikh Mohammed",)))
    first = next(i for i in archive.articles if "Sullivan" in i.article.paragraphs[0]).annotation
    assert "Khalid Sheikh Mohammed" not in [p.name for p in first.people]


def test_a_title_and_a_surname_are_the_one_person_of_that_surname_or_nobody():
    archive, listed = _index(
        ("He clerked for Justice Stephen Breyer of the United States Supreme Court.", ("Stephen Breyer",)),
        ("I’ll just say one thing about Justice Breyer.", ("Justice Breyer",)))
    assert _names(archive) == {"Stephen Breyer"} and listed == {"Stephen Breyer"}
    archive, listed = _index(("I’ll just say one thing about Justice Breyer.", ("Justice Breyer",)))
    assert not archive.people and not listed


def test_a_title_before_a_whole_name_is_dropped():
    archive, listed = _index(
        ("And this group, which has done so much to advance literacy in our country, is a powerful testament to First "
         "Lady Barbara Bush—how she was able to use her role to change lives for decades to come.", ("Lady Barbara Bush",)),
        ("Thank you, Doro, for the beautiful introduction and welcome back to the White House as we honor the life and "
         "legacy of your mother, First Lady Barbara Bush.", ("Lady Barbara Bush",)))
    assert _names(archive) == {"Barbara Bush"} and listed == {"Barbara Bush"}


def test_a_surname_with_a_particle_alone_is_the_one_person_of_that_name():
    archive, listed = _index(
        ("He was in the Senate, my Senate classmate, Chris Van Hollen.", ("Chris Van Hollen",)),
        ("Thank you to Senators Cardin, Capito, Van Hollen and Manchin.", ("Van Hollen",)))
    assert _names(archive) == {"Chris Van Hollen"} and listed == {"Chris Van Hollen"}


def test_a_company_a_country_a_cartoon_and_a_broken_phrase_are_nobody_even_when_quoted():
    archive, listed = _index(
        ("Whirlpool Corporation announced a $300 million investment in its U.S. laundry manufacturing facilities.",
         ("Whirlpool Corporation",), "en", ("Whirlpool Corporation",)),
        ("President, for inviting Whirlpool Corporation to sit here today at this table with all these leaders.",
         ("Whirlpool Corporation",)),
        ("USTDA technical assistance for the National Utilities Regulatory Commission (NURC) of Saint Lucia is "
         "providing microgrid regulatory framework guidance.", ("Saint Lucia",)),
        ("I don’t know about you all, but I certainly would not get into a fight with Mickey Mouse.", ("Mickey Mouse",)),
        ("Hi, Joe Joe.", ("Joe Joe",)))
    assert not archive.people and not listed
    for name in ("Critical Minerals", "Administrative Law", "Daniel Tiger", "El Salvador", "Biden. I’m", "Rich Jr",
                 "Biden-Harris Administration", "Germany-based Siemens", "Q Karine", "Amir Sheikh",
                 "Mamie Till-Mobley National Monument", "Alaska Native"):
        assert not_a_name(name), name
    for name in ("Sue Bird", "Tom Wolf", "David Crane", "Lance Gooden", "Martin Luther King Jr.", "George H. W. Bush",
                 "Elizabeth II", "Abdullah Abdullah"):
        assert not not_a_name(name), name


def test_a_nickname_is_the_one_person_of_that_surname_whose_given_name_it_is_short_for():
    archive, listed = _index(
        ("And this is just one more step in doing what other Presidents have done, starting with Teddy Roosevelt.",
         ("Teddy Roosevelt",)),
        ("Today, we mark the birth of a true American original—President Theodore Roosevelt—and celebrate his "
         "tremendous legacy.", ("Theodore Roosevelt",)),
        ("Eleanor Roosevelt held her own press conferences.", ("Eleanor Roosevelt",)))
    assert _names(archive) == {"Theodore Roosevelt", "Eleanor Roosevelt"}
    archive, _ = _index(
        ("Born into a revered family of service, Robert F. Kennedy forged a path toward freedom that endures today.",
         ("Robert F. Kennedy",)),
        ("And it’s going to be a real honor for me to introduce Robert F. Kennedy, Jr.", ("Robert F. Kennedy Jr",)),
        ("Bobby Kennedy was there.", ("Bobby Kennedy",)))
    # the son has a suffix the nickname has not: "Bobby Kennedy" is the father
    assert _names(archive) == {"Robert F. Kennedy", "Robert F. Kennedy Jr"}
    third = next(i for i in archive.articles if "Bobby" in i.article.paragraphs[0]).annotation
    assert [p.name for p in third.people] == ["Robert F. Kennedy"]


def test_two_forms_that_are_each_others_nickname_end_as_one_person():
    archive, listed = _index(
        ("He had an opportunity to work on it this past weekend with Mike Donilon and — and Vinay Reddy.",
         ("Mike Donilon",)),
        ("And a guy who used to love Mookie is my Chief Strategist, Mike Donilon.", ("Mike Donilon",)),
        ("You know, and I — I had to go back and look at it because Mike Donilon pulled it out for me — the speech I "
         "made. The Honorable Michael C. Donilon, Assistant to the President and Senior Advisor to the President & Mrs.",
         ("Michael C. Donilon",)))
    assert _names(archive) == {"Mike Donilon"}


def test_a_nickname_is_not_folded_into_another_person_of_that_surname_named_years_apart():
    # whitehouse_en 2021-04-28 (the astronaut's death) and 2025 (the Georgia congressman quoted on trade)
    archive, _ = _index(
        ("Michael Collins lived a life of service to our country.", ("Michael Collins",), "en", (), "2021-04-28"),
        ("Mike Collins: “President Trump’s tariff strategy works.", ("Mike Collins",), "en", ("Mike Collins",),
         "2025-04-02"),
        ("Mike Collins: “Thank God we finally have a @POTUS who is willing to put America FIRST.", ("Mike Collins",),
         "en", ("Mike Collins",), "2025-02-28"))
    assert _names(archive) == {"Michael Collins", "Mike Collins"}
    # a nominee of 2022 and a congressman of 2025; named in the same months, the forms are one person
    biggs = (("Andrew G. Biggs, of Oregon, to be a Member of the Social Security Advisory Board.", ("Andrew G. Biggs",),
              "en", (), "2022-05-17"),
             ("Rep. Andy Biggs: “Gone are the days of foreign leaders walking all over us.", ("Andy Biggs",), "en",
              ("Andy Biggs",), "2025-02-28"))
    assert _names(_index(*biggs)[0]) == {"Andrew G. Biggs", "Andy Biggs"}
    assert _names(_index(*((*one[:4], "2022-05-17") for one in biggs))[0]) == {"Andrew G. Biggs"}


def test_a_company_s_country_and_an_office_end_no_person_s_name():
    # whitehouse_en: a "Speakers:" field of companies that "announced" investments, and an office the model labelled
    assert not_a_name("Preciball USA") and not_a_name("Honorary Chair")
    archive, listed = _index(
        ("- Preciball USA announced a $17.6 million investment for a new production facility in Georgia.",
         ("Preciball USA",), "en", ("Preciball USA",)),
        ("The First Lady has historically served as Honorary Chair of the Committee, which is composed of members "
         "appointed by the President.", ("Honorary Chair",)))
    assert not archive.people and not listed

