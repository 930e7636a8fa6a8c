"""Demo content for the local offer: the offer's home, its six sections, one entitlement page per
entitlement of the contract, and a glossary of the words the offer uses.

The eligibility rules of each entitlement (slug, section, ages, statuses, requires_any,
requires_all, amount_gbp) mirror `shared/contract/entitlements.json` exactly and in the same
order. The text is written in plain English for young people aged 16 to 25: short sentences,
every acronym spelled out on first use, and the words young people asked for.
"""

OFFER_HOME = {
    "title": "What you can get",
    "intro": (
        "This is the local offer: all the help your council gives young people aged 16 to 25 who "
        "have been in its care. It covers money, somewhere to live, learning and work, health, "
        "advice and having your say. If you are not sure what you can get, ask your Personal "
        "Adviser (PA)."
    ),
}

SECTIONS = [
    {
        "slug": "money",
        "title": "Money",
        "intro": (
            "Grants, bursaries and payments to help you set up home, study, train and work. There "
            "is also help if you hit a money crisis."
        ),
    },
    {
        "slug": "home",
        "title": "Somewhere to live",
        "intro": (
            "Help to plan where you will live, get ready for your own tenancy and stay safe if "
            "things go wrong."
        ),
    },
    {
        "slug": "learning-and-work",
        "title": "Learning and work",
        "intro": (
            "Support to get into college, university, training, an apprenticeship or a job, and to "
            "get there each day."
        ),
    },
    {
        "slug": "health-and-wellbeing",
        "title": "Health and wellbeing",
        "intro": (
            "Help to look after your body and your mind, including sexual health and support if "
            "you are a young parent."
        ),
    },
    {
        "slug": "support-and-advice",
        "title": "Support and advice",
        "intro": (
            "Your Personal Adviser (PA), your plan, your rights, and the help you can ask for "
            "until you turn 25."
        ),
    },
    {
        "slug": "having-your-say",
        "title": "Having your say",
        "intro": (
            "Ways to tell the council what works and what does not. And ways to celebrate what you "
            "achieve."
        ),
    },
]

ENTITLEMENTS = [
    # Money
    {
        "slug": "setting-up-home-grant",
        "title": "Setting Up Home Grant",
        "section": "money",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": 2000,
        "summary": (
            "A grant of £2,000 to buy what you need for your first home, like a bed or a cooker. "
            "It is for young people leaving care who move into their own place."
        ),
        "search_terms": (
            "furniture money, money to move out, grant for my flat, setting up home, moving out "
            "money, sofa, bed, cooker, leaving care grant, first flat, setting up home allowance, "
            "suha, suhg, home grant, fridge, washing machine, white goods, carpets, curtains, "
            "moving in money, seting up home"
        ),
        "steps": [
            (
                "Tell your Personal Adviser (PA) as soon as you know you are moving into your own "
                "place."
            ),
            "Make a list with your PA of what you need for your home.",
            "Your PA helps you buy the items, so the money goes as far as it can.",
            (
                "You have some choice about when and how you spend it. Ask your PA what is left "
                "before each big buy."
            ),
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the duty worker in the leaving care team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Moving into your first home is a big step. The Setting Up Home Grant means "
                    "you do not have to start with an empty flat. You get £2,000 to spend on the "
                    "basics. Talk to your Personal Adviser (PA) early, so you are ready on moving "
                    "day."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "What can I buy with it?",
                        "answer": (
                            "Things for your home, like a bed, a sofa, a cooker, a fridge, "
                            "bedding, pans and plates. Your PA can help you work out what matters "
                            "most."
                        ),
                    },
                    {
                        "question": "Can I just have the money paid into my bank?",
                        "answer": (
                            "Usually your PA helps you plan and buy what you need, so you get good "
                            "value. There is some choice in how you spend it, so talk it through "
                            "with your PA."
                        ),
                    },
                    {
                        "question": "When can I get it?",
                        "answer": (
                            "When you move into your own home, such as your first tenancy. You can "
                            "use it until you turn 25."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA about the Setting Up Home Grant",
            },
        ],
    },
    {
        "slug": "council-tax-exemption",
        "title": "Council tax exemption",
        "section": "money",
        "min_age": 18,
        "max_age": 24,
        "statuses": ["former_relevant"],
        "requires_any": ["own_home"],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "If you live in your own home, you do not pay council tax until your 25th birthday. "
            "This is for care leavers aged 18 to 24."
        ),
        "search_terms": (
            "council tax, council tax bill, ctax, council tax letter, exemption, dont have to pay "
            "council tax, council tax discount, council tax help, bill for my flat, tax on my "
            "flat, council tax arrears, counsil tax, council tax reminder"
        ),
        "steps": [
            "Tell your Personal Adviser (PA) as soon as you get your own tenancy.",
            "Your PA lets the council tax team know you are a care leaver.",
            "If a council tax bill or letter arrives, do not ignore it. Show it to your PA.",
            "Tell your PA if you move, so your exemption moves with you.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the duty worker in the leaving care team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Council tax is a yearly bill for local services, like bin collections and "
                    "street lights. Most people who live in their own home have to pay it. As a "
                    "care leaver, you do not pay it until you turn 25."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "This still counts if you live in a different council area. Your council can "
                    "pay the bill for you. Your Personal Adviser (PA) helps set it up."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "I live outside the council's area. Can I still get it?",
                        "answer": (
                            "Yes. The help covers care leavers living inside and outside the area. "
                            "Tell your PA where you live so it can be sorted."
                        ),
                    },
                    {
                        "question": "I have already got a bill. What do I do?",
                        "answer": (
                            "Do not ignore it, and do not panic. Show it to your PA straight away "
                            "so they can get it put right."
                        ),
                    },
                    {
                        "question": "What happens when I turn 25?",
                        "answer": (
                            "From your 25th birthday, you pay council tax like everyone else. Plan "
                            "for the bill with your PA before then."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA to set up your council tax exemption",
            },
        ],
    },
    {
        "slug": "apprenticeship-top-up",
        "title": "Top-up pay for apprentices",
        "section": "money",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "requires_any": [],
        "requires_all": ["in_apprenticeship", "own_home"],
        "amount_gbp": None,
        "summary": (
            "Extra money for apprentices on low pay who live in their own tenancy. It helps you "
            "keep both your apprenticeship and your home."
        ),
        "search_terms": (
            "apprentice pay, apprenticeship top up, top-up, topup, low pay, wages too low, cant "
            "afford rent apprentice, apprentice money, extra money apprenticeship, apprentice "
            "wage, aprentice, apprentiship, cant pay rent"
        ),
        "steps": [
            "Tell your Personal Adviser (PA) when you start an apprenticeship.",
            "Show your PA your payslip and your rent, so they can see what comes in and goes out.",
            "Your PA checks if you can get a top-up and tells you how much.",
            "Tell your PA if your pay, hours or home change.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the duty worker in the leaving care team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Apprentices are often paid less than other workers. If you also pay rent on "
                    "your own tenancy, money can get tight fast. The council can top up your "
                    "income, so you do not have to choose between your apprenticeship and your "
                    "home."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "How much is the top-up?",
                        "answer": (
                            "It depends on your pay and your costs. Ask your Personal Adviser (PA) "
                            "how much you could get."
                        ),
                    },
                    {
                        "question": "Does it have to be an apprenticeship at the council?",
                        "answer": (
                            "No. It is for apprentices on low pay who have their own tenancy. Ask "
                            "your PA to check your situation."
                        ),
                    },
                    {
                        "question": (
                            "I am an apprentice but I do not have my own place. Is there other "
                            "help?"
                        ),
                        "answer": (
                            "This top-up is for apprentices living in their own tenancy. Ask your "
                            "PA what other help there is for you, such as help with travel."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA if you can get the apprentice top-up",
            },
        ],
    },
    {
        "slug": "training-and-volunteering-payment",
        "title": "Payment for volunteering and training",
        "section": "money",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "requires_any": ["volunteering_or_training"],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "A payment to reward you for volunteering or taking part in a training programme. It "
            "is for young people leaving care who volunteer or train."
        ),
        "search_terms": (
            "volunteering money, paid for volunteering, training allowance, money for doing a "
            "course, incentive, volunteer, voluntary work, training course money, bonus for "
            "training, volenteering, charity work, work experience, help out at a food bank, "
            "helping out at a charity, unpaid work"
        ),
        "steps": [
            (
                "Find a volunteering role or training programme. Your Personal Adviser (PA) can "
                "help you look."
            ),
            "Tell your PA when you start and what you are doing.",
            "Your PA checks you can get the payment and tells you how much.",
            "Tell your PA straight away if you stop or change what you are doing.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the duty worker in the leaving care team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Volunteering and training build your confidence and your skills. They look "
                    "good when you apply for jobs. The council pays young people who take part, to "
                    "encourage you to keep going."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "How much is the payment?",
                        "answer": "Ask your Personal Adviser (PA) how much you could get.",
                    },
                    {
                        "question": "What counts as volunteering?",
                        "answer": (
                            "Unpaid work that helps other people, like helping at a charity shop, "
                            "a food bank or a sports club. Your PA can tell you if your role "
                            "counts."
                        ),
                    },
                    {
                        "question": "Where can I find volunteering?",
                        "answer": (
                            "Your PA can share volunteering chances with you. You can also talk "
                            "about them at your pathway plan review."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA about the volunteering and training payment",
            },
        ],
    },
    {
        "slug": "higher-education-bursary",
        "title": "University bursary",
        "section": "money",
        "min_age": 17,
        "max_age": 24,
        "statuses": ["relevant", "former_relevant"],
        "requires_any": ["in_higher_education"],
        "requires_all": [],
        "amount_gbp": 2000,
        "summary": (
            "A bursary of £2,000 to help with the costs of university. It is for care leavers who "
            "go on to higher education, such as a degree."
        ),
        "search_terms": (
            "uni bursary, university money, student money, uni grant, degree, student finance, "
            "higher education bursary, money for uni, going to uni, bursery, uni costs, care "
            "leaver bursary, ucas, university, student"
        ),
        "steps": [
            (
                "Apply for your course and for student finance. Your Personal Adviser (PA) can "
                "help if you want."
            ),
            "Tell your PA when you get a place.",
            "Your PA arranges the bursary with you and explains how it is paid.",
            "Keep your PA up to date on how your course is going.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the duty worker in the leaving care team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Care leavers go to university and do well there. A bursary is money you do "
                    "not pay back. The council gives a £2,000 bursary to help with the costs of "
                    "studying, like books, a laptop or travel."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Your Personal Adviser (PA) can help with the whole process, from choosing a "
                    "course to getting settled."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Do I have to pay it back?",
                        "answer": "No. A bursary is not a loan.",
                    },
                    {
                        "question": "Can I get help with where I live while I study?",
                        "answer": (
                            "Yes, the council can help with where you live while you study. Ask "
                            "your PA what help fits your situation."
                        ),
                    },
                    {
                        "question": "I am over 21. Is it too late to go?",
                        "answer": "No. You can ask for support with education until you turn 25.",
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA about the university bursary",
            },
        ],
    },
    {
        "slug": "further-education-bursary",
        "title": "College bursary",
        "section": "money",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "requires_any": ["in_further_education"],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Money to help you stay at college or sixth form, for costs like travel, books and "
            "kit. It is for young people leaving care in further education."
        ),
        "search_terms": (
            "college bursary, college money, sixth form money, money for college, 16-19 bursary, "
            "fe bursary, further education, course costs, bursery, colledge, college travel, "
            "college books, college kit"
        ),
        "steps": [
            "Tell your Personal Adviser (PA) which college or course you are going to.",
            "Work out with your PA what you need to pay for.",
            "Your PA tells you how much you can get and how it is paid.",
            "Tell your PA if you change course or stop going.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the duty worker in the leaving care team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Further education means courses after school, at a college or sixth form. A "
                    "bursary is money you do not pay back. It helps with costs that could stop you "
                    "going, like travel, books or kit."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "How much can I get?",
                        "answer": (
                            "Ask your Personal Adviser (PA) how much. It depends on your course "
                            "and what you need."
                        ),
                    },
                    {
                        "question": "I am finding college hard. Who can help?",
                        "answer": (
                            "Talk to your PA early. The council's education team for young people "
                            "in care has contacts at local colleges. They can work with you and "
                            "the college."
                        ),
                    },
                    {
                        "question": "Can I still get help after I turn 21?",
                        "answer": (
                            "Yes. If you are in education or training, you can ask for support "
                            "until you turn 25."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA about the college bursary",
            },
        ],
    },
    {
        "slug": "emergency-financial-help",
        "title": "Help in a money emergency",
        "section": "money",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant", "qualifying"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Help if you are in a money crisis, like having no money for food, gas or electricity. "
            "Any young person who has left care can ask, up to age 25."
        ),
        "search_terms": (
            "no money, skint, broke, emergency money, crisis loan, food bank, food parcel, cant "
            "pay gas, electric run out, no electric, benefit sanctioned, universal credit, uc, "
            "sanction, hardship, help with bills, money problems, emergancy, debt, budgeting"
        ),
        "steps": [
            (
                "Contact your Personal Adviser (PA) straight away, or the duty worker if your PA "
                "is away."
            ),
            "Explain what has happened and what you need today.",
            "The team looks at your situation and decides what help it can give.",
            (
                "Afterwards, work with your PA to stop it happening again, for example by sorting "
                "your benefits or a budget."
            ),
        ],
        "who_to_ask": (
            "Your Personal Adviser (PA), the leaving care duty worker, or out of hours the "
            "council's emergency duty team."
        ),
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "If you cannot pay for food, heating or electricity, tell the leaving care "
                    "team quickly. Help is decided case by case, so the team will look at what you "
                    "need. Your Personal Adviser (PA) can also help you get food in an emergency, "
                    "such as from a food bank."
                ),
            },
            {
                "type": "heading",
                "text": "Help with benefits and budgeting",
            },
            {
                "type": "paragraph",
                "text": (
                    "If your benefits are stopped or cut, your PA can help you challenge it. They "
                    "can also help you talk to the Jobcentre. You can also get help to plan a "
                    "budget, so your money lasts the month."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "My Universal Credit has been sanctioned. What can I do?",
                        "answer": (
                            "Tell your PA. They can help you ask for the decision to be looked at "
                            "again, and help you talk to the Jobcentre."
                        ),
                    },
                    {
                        "question": "I am 22 and do not have a PA any more. Can I still ask?",
                        "answer": (
                            "Yes. Contact the leaving care team. Money is one of the main reasons "
                            "young people over 21 get back in touch."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Tell your PA now if you are in a money crisis",
            },
        ],
    },
    # Somewhere to live
    {
        "slug": "staying-put",
        "title": "Staying Put with the person who cared for you",
        "section": "home",
        "min_age": 18,
        "max_age": 20,
        "statuses": ["former_relevant"],
        "requires_any": ["with_former_foster_carer"],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Staying Put means you can keep living with the person who cared for you after 18, if "
            "you both want to. You can stay until you are 21."
        ),
        "search_terms": (
            "staying put, stay with foster carer, stay with my carer after 18, dont want to move "
            "out at 18, foster carer after 18, living with carers, stay at home after 18, staying "
            "on, stayin put, foster mum, foster dad, foster family"
        ),
        "steps": [
            (
                "Talk about Staying Put with your Personal Adviser (PA) and the person who cares "
                "for you. Do this well before you turn 18."
            ),
            "Put the plan in your pathway plan (my plan).",
            (
                "The council agrees the arrangement with the person who cares for you before your "
                "18th birthday."
            ),
            "Talk to your PA if things change, or when you start to think about moving on.",
        ],
        "who_to_ask": "Your Personal Adviser (PA) or social worker.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Most young people do not leave home at 18, and you should not have to either. "
                    "Staying Put lets you keep living with your former foster carer (the person "
                    "who cared for you) after 18. You can stay until you are 21."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The council agrees money and support with them, so they can keep giving you a "
                    "home."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Do I have to stay until I am 21?",
                        "answer": (
                            "No. You can move on before then, when you are ready. Your Personal "
                            "Adviser (PA) helps you plan the move."
                        ),
                    },
                    {
                        "question": "What if Staying Put is not possible for me?",
                        "answer": (
                            "Talk to your PA about other homes with support. One option is "
                            "supported lodgings, where you live in someone's home and they help "
                            "you."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA about Staying Put",
            },
        ],
    },
    {
        "slug": "housing-register-priority",
        "title": "Priority on the housing register",
        "section": "home",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Care leavers get priority on the housing register (Home Choice). This gives you a "
            "better chance of a council or housing association home."
        ),
        "search_terms": (
            "council house, council flat, housing list, housing register, home choice, homechoice, "
            "bidding, bid for a flat, band b, priority, housing association, social housing, get a "
            "flat, own place, housing officer, counsil flat, waiting list"
        ),
        "steps": [
            (
                "Ask your Personal Adviser (PA) to help you join the housing register before you "
                "turn 18."
            ),
            "As a care leaver, you are put in band B, a priority band.",
            "Bid for homes that come up and suit you. Your PA can help.",
            (
                "Talk to the housing officer, who spends a day with the leaving care team every "
                "fortnight."
            ),
        ],
        "who_to_ask": (
            "Your Personal Adviser (PA), or the housing officer who visits the leaving care team."
        ),
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "The housing register is the waiting list for council and housing association "
                    "homes. In many areas it is called Home Choice. Care leavers are given band B, "
                    "a priority band, to help you find a settled home."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Debts, like unpaid rent, or problems in past tenancies can affect your band. "
                    "Tell your Personal Adviser (PA) early, so they can help you sort it out."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "When should I join the register?",
                        "answer": (
                            "Before you turn 18 if you can. Then you can start bidding when you "
                            "are ready."
                        ),
                    },
                    {
                        "question": "Does band B mean I get a home straight away?",
                        "answer": (
                            "No. It gives you priority, but it depends on which homes come up. "
                            "Keep bidding, and ask your PA for help if you are not getting "
                            "anywhere."
                        ),
                    },
                    {
                        "question": "Can someone help me with bidding?",
                        "answer": (
                            "Yes. Your PA and the housing officer can help you bid and check your "
                            "bids."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA to help you join the housing register",
            },
        ],
    },
    {
        "slug": "tenancy-readiness-course",
        "title": "Tenancy readiness course",
        "section": "home",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "A course to help you run your own home: rent, bills, budgeting, cooking on a budget "
            "and simple repairs. For young people getting ready to live on their own."
        ),
        "search_terms": (
            "tenancy course, tenancy ready, how to rent, renting, budgeting course, cooking "
            "course, living on my own, independent living, life skills, bills, diy, training flat, "
            "taster flat, trainer flat, tennancy, first tenancy"
        ),
        "steps": [
            "Ask your Personal Adviser (PA) to put your name down for the next course.",
            "Go to the sessions. If groups are hard for you, ask about one-to-one support.",
            (
                "Ask your PA if you can spend a short time in the training flat to practise living "
                "alone."
            ),
            "Use what you learn in your pathway plan (my plan) for moving on.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the duty worker in the leaving care team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "There is a lot to learn when you run your own home. The tenancy readiness "
                    "course covers rent, bills, budgeting, cooking on a budget and basic DIY (do "
                    "it yourself) repairs. It helps you keep your home once you have it."
                ),
            },
            {
                "type": "heading",
                "text": "Try it out in the training flat",
            },
            {
                "type": "paragraph",
                "text": (
                    "The council sometimes has a training flat. When it is free, you can stay "
                    "there for a short time. It is a chance to try living on your own."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Is the course a test?",
                        "answer": (
                            "No. It is there to help you get ready. Your Personal Adviser (PA) may "
                            "suggest it before you move into your own tenancy."
                        ),
                    },
                    {
                        "question": "My English is not strong. Can I still go?",
                        "answer": (
                            "Yes. There has been a course with interpreters for young people who "
                            "came to the United Kingdom (UK) alone. Ask your PA."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA about the next tenancy readiness course",
            },
        ],
    },
    {
        "slug": "moving-on-planning",
        "title": "Planning where you will live (Ignition panel)",
        "section": "home",
        "min_age": 16,
        "max_age": 17,
        "statuses": ["eligible", "relevant"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "From about 15 and a half, the Ignition panel helps you plan where you will live after "
            "care. The aim is to move at the right time."
        ),
        "search_terms": (
            "ignition, ignition panel, moving on, where will i live, leaving care at 18, moving "
            "out plan, supported lodgings, semi independent, taster flat, next home, transition, "
            "move on plan, ignishun, where do i go at 18"
        ),
        "steps": [
            (
                "Talk to your social worker or Personal Adviser (PA) about where you would like to "
                "live next."
            ),
            "They ask the Ignition panel to look at your plans.",
            (
                "Come to the meeting if you want to, and say what you want. Someone can help you "
                "get there."
            ),
            "The panel agrees an action plan with you. It goes into your pathway plan (my plan).",
        ],
        "who_to_ask": "Your social worker or Personal Adviser (PA).",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Moving on goes better when it is planned early. The Ignition panel brings "
                    "together the leaving care team and people who provide homes for young people. "
                    "They share ideas and make a plan with you."
                ),
            },
            {
                "type": "heading",
                "text": "Your options might include",
            },
            {
                "type": "paragraph",
                "text": (
                    "A taster stay, to try living more on your own. Supported lodgings, where you "
                    "live in someone's home and they help you. Or a flat with support nearby, then "
                    "a step-by-step move to your own tenancy."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Do I have to go to the panel?",
                        "answer": (
                            "No, but it helps if you do, even for part of it. It is your future, "
                            "and your views matter."
                        ),
                    },
                    {
                        "question": "I do not know what I want yet. Is it too early?",
                        "answer": (
                            "No. Planning early is the point. The panel can help you think it "
                            "through."
                        ),
                    },
                    {
                        "question": "Will I have to move out at 18?",
                        "answer": (
                            "Not always. Staying Put may let you stay with the person who cares "
                            "for you until you are 21. Ask your Personal Adviser (PA) about it."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA about the Ignition panel",
            },
        ],
    },
    {
        "slug": "emergency-accommodation",
        "title": "Somewhere safe to stay in an emergency",
        "section": "home",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant", "qualifying"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "If you have nowhere safe to sleep, the council will help you find somewhere safe to "
            "stay. It does not put care leavers in bed and breakfasts."
        ),
        "search_terms": (
            "homeless, nowhere to stay, kicked out, sofa surfing, emergency housing, crash pad, "
            "safe place to sleep, evicted, eviction, thrown out, sleeping rough, nowhere to go "
            "tonight, emergency bed, homless, lost my flat"
        ),
        "steps": [
            (
                "Call your Personal Adviser (PA) or the duty worker in the leaving care team "
                "straight away."
            ),
            "Out of hours, call the council's emergency duty team.",
            "Tell them where you are and whether you are safe.",
            "Once you are safe, your PA works with you and housing to find a settled home.",
        ],
        "who_to_ask": (
            "Your Personal Adviser (PA), the leaving care duty worker, or out of hours the "
            "council's emergency duty team."
        ),
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "If you are about to lose your home, or have nowhere to sleep tonight, tell "
                    "someone straight away. The sooner the team knows, the more it can do."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "For young people at risk of becoming homeless, the council can use short-stay "
                    "emergency rooms, sometimes called a crash pad. It does not use bed and "
                    "breakfasts for care leavers."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "I have had an eviction letter. What do I do?",
                        "answer": (
                            "Show it to your Personal Adviser (PA) now. Do not wait until you have "
                            "to leave. There may be ways to keep your home."
                        ),
                    },
                    {
                        "question": "I am sofa surfing at a friend's. Does that count?",
                        "answer": (
                            "Yes. Sofa surfing is not a settled home. Tell your PA, and you can "
                            "get help to find one."
                        ),
                    },
                    {
                        "question": (
                            "I left care under a special guardianship order. Can I get help?"
                        ),
                        "answer": (
                            "Yes. Contact the leaving care team. They will advise you and help you "
                            "find somewhere safe."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Tell your PA now if you might lose your home",
            },
        ],
    },
    {
        "slug": "independence-packs",
        "title": "Independence skills packs",
        "section": "home",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Bronze, silver, gold and platinum packs that help you learn everyday skills for "
            "living on your own, step by step."
        ),
        "search_terms": (
            "independence pack, life skills, bronze pack, silver pack, gold pack, platinum pack, "
            "learn to cook, how to budget, washing, cleaning, living skills, independance, skills "
            "for moving out, independence skills"
        ),
        "steps": [
            (
                "Ask your Personal Adviser (PA), social worker or the person who cares for you for "
                "the right pack."
            ),
            "Work through it at your own pace, with someone you trust.",
            "Move up a level when you are ready.",
            "When you have your own place, ask about the platinum pack.",
        ],
        "who_to_ask": (
            "Your Personal Adviser (PA), your social worker or the person who cares for you."
        ),
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Independence packs break the skills you need for adult life into small steps. "
                    "They cover things like cooking, managing money and looking after a home."
                ),
            },
            {
                "type": "heading",
                "text": "Four levels",
            },
            {
                "type": "paragraph",
                "text": (
                    "You can start bronze, silver and gold from about age 14. Platinum is for when "
                    "you live in your own home."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Is it like school work?",
                        "answer": (
                            "No. It is practical, and you do it with someone you trust, at your "
                            "own pace."
                        ),
                    },
                    {
                        "question": "What comes after gold?",
                        "answer": (
                            "Platinum, once you have your own place. From 16 you can also do Award "
                            "Scheme Development and Accreditation Network (ASDAN) courses, which "
                            "can lead to a qualification."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your Personal Adviser (PA) for an independence pack",
            },
        ],
    },
    # Learning and work
    {
        "slug": "eet-support",
        "title": "Help with education, training and work",
        "section": "learning-and-work",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant", "qualifying"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Help to get into education, employment or training (EET). That includes choosing a "
            "course, your CV (a list of your skills and experience), jobs and interviews."
        ),
        "search_terms": (
            "job, jobs, work, find a job, cv, interview, college, course, training, traineeship, "
            "neet, eet, careers advice, job centre, employment, unemployed, what can i do, getting "
            "work, jobs near me, intervew, no job, interview practice, get ready for an interview, "
            "what to wear to an interview, dont know what to do with my life, what job should i "
            "do, careers"
        ),
        "steps": [
            (
                "Tell your Personal Adviser (PA) what you are interested in, even if you are not "
                "sure yet."
            ),
            (
                "Make a plan together for learning, training or work. Add it to your pathway plan "
                "(my plan)."
            ),
            "Get help with applications, your CV and practising for interviews.",
            "Keep in touch, so your PA can tell you about new chances as they come up.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the duty worker in the leaving care team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "You can get help with education, employment or training (EET). That could be "
                    "college, a job, an apprenticeship or just a first step. Workers can coach you "
                    "for jobs and write a CV with you. A CV is a short list of your skills and "
                    "experience. They can even help you find something smart to wear to an "
                    "interview."
                ),
            },
            {
                "type": "heading",
                "text": "Not in education, employment or training (NEET)?",
            },
            {
                "type": "paragraph",
                "text": (
                    "Lots of young people go through this, and there is support. A monthly panel "
                    "looks for options for young people who have been out of learning or work for "
                    "a while. There is also support if your mental health makes it hard to start."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "I do not know what I want to do. Can you still help?",
                        "answer": (
                            "Yes. Your Personal Adviser (PA) can help you try things out, like a "
                            "short course or volunteering, to find what suits you."
                        ),
                    },
                    {
                        "question": "Can I get help if I am over 21?",
                        "answer": (
                            "Yes. You can ask for help with education, training or work until you "
                            "turn 25."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA for help with learning or work",
            },
        ],
    },
    {
        "slug": "council-apprenticeships",
        "title": "Apprenticeships at the council",
        "section": "learning-and-work",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Paid apprenticeships at the council and with local businesses, with support to get "
            "ready, apply and keep going."
        ),
        "search_terms": (
            "apprenticeship, apprentice, council jobs, earn while you learn, paid training, work "
            "at the council, aprenticeship, apprentiship, job with training, level 2, level 3, "
            "council apprenticeship"
        ),
        "steps": [
            "Tell your Personal Adviser (PA) you are interested in an apprenticeship.",
            (
                "Meet the apprenticeship coordinator, who can talk you through roles that might "
                "suit you."
            ),
            "Get help with your application and interview.",
            "Once you start, keep in touch with your PA for support.",
        ],
        "who_to_ask": "Your Personal Adviser (PA) or the council's apprenticeship coordinator.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "An apprenticeship is a real job with training. You earn a wage, learn on the "
                    "job and work towards a qualification. The council offers apprenticeships in "
                    "its own teams, and works with local businesses to find more."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Some care leavers have worked as apprentices in the participation team, "
                    "helping other young people have their say."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Do I need qualifications?",
                        "answer": (
                            "It depends on the role. If you are not ready yet, your Personal "
                            "Adviser (PA) can help you build up your skills first."
                        ),
                    },
                    {
                        "question": "Will I be paid?",
                        "answer": (
                            "Yes, apprentices are paid a wage. If your pay is low and you rent "
                            "your own home, ask about the apprentice top-up."
                        ),
                    },
                    {
                        "question": "What if I am struggling at work?",
                        "answer": (
                            "Tell your PA or the apprenticeship coordinator early. They can help "
                            "you find a way through."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA about apprenticeships",
            },
        ],
    },
    {
        "slug": "travel-to-work",
        "title": "Getting to work, college or training",
        "section": "learning-and-work",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Help to get to work, college or training, like a bike through Wheels to Work. "
            "Transport should not hold you back."
        ),
        "search_terms": (
            "bus pass, travel, transport, bike, bicycle, wheels to work, getting to work, train "
            "fare, bus fare, cant get to college, travel costs, how do i get there, bycicle, no "
            "bus, early shift"
        ),
        "steps": [
            "Tell your Personal Adviser (PA) how you need to travel and what it costs.",
            "Your PA looks at the best way to help you.",
            "If a bike would help, ask about Wheels to Work.",
            "Tell your PA if your route or hours change.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the duty worker in the leaving care team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Getting there can be the hardest part of a new job or course. Early shifts "
                    "and places with few buses make it harder. The council does not want transport "
                    "to stop you."
                ),
            },
            {
                "type": "heading",
                "text": "Wheels to Work",
            },
            {
                "type": "paragraph",
                "text": (
                    "Wheels to Work helps young people get a bike, through a local bike recycling "
                    "project. Your Personal Adviser (PA) can also look at other help with travel. "
                    "Help is worked out person by person."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Can I get help with bus or train fares?",
                        "answer": (
                            "Ask your PA. They will look at your journey and what help fits you."
                        ),
                    },
                    {
                        "question": "Can I get a bike?",
                        "answer": (
                            "Possibly. Wheels to Work helps young people get bikes to reach work, "
                            "college or training. Ask your PA."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA about help with travel",
            },
        ],
    },
    {
        "slug": "asdan-courses",
        "title": "Short courses and qualifications (ASDAN)",
        "section": "learning-and-work",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Short, flexible courses that build skills for life and work. They can lead to a "
            "qualification up to Level 2, and you do not need to be at college."
        ),
        "search_terms": (
            "asdan, short course, qualification, certificate, level 1, level 2, course without "
            "college, learn at home, independent living course, life skills course, asdan award, "
            "asdan course, no qualifications"
        ),
        "steps": [
            "Ask your Personal Adviser (PA) about the courses on offer.",
            "Choose a course that suits you.",
            "Work through it at your own pace, with support from trained staff.",
            "Get a certificate or qualification when you finish.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the duty worker in the leaving care team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "ASDAN stands for the Award Scheme Development and Accreditation Network. It "
                    "offers short courses and qualifications. The leaving care team is approved to "
                    "run them, and staff are trained to support you."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The courses are flexible. You can study in your own time, without going to a "
                    "college. There are also group courses on living independently."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Is it a proper qualification?",
                        "answer": (
                            "Yes. You can work towards recognised qualifications at Level 1 or "
                            "Level 2."
                        ),
                    },
                    {
                        "question": "I did not get on with school. Is this for me?",
                        "answer": (
                            "It might be. The courses are practical and flexible, so they can work "
                            "well if school did not suit you."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your Personal Adviser (PA) about ASDAN courses",
            },
        ],
    },
    # Health and wellbeing
    {
        "slug": "health-passport",
        "title": "Your health passport",
        "section": "health-and-wellbeing",
        "min_age": 17,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Your health passport is a summary of your own health history, like your vaccinations "
            "and any conditions. You get it around your 18th birthday."
        ),
        "search_terms": (
            "health passport, health history, medical records, my health, vaccinations, jabs, nhs "
            "number, doctor, gp, health summary, what jabs have i had, birth weight, medical "
            "history, helth passport, immunisations"
        ),
        "steps": [
            (
                "From about 17 and three quarters, the nurse for young people leaving care starts "
                "your health passport with you."
            ),
            "You sign a form to agree that your health information can be shared to fill it in.",
            "You get your health passport at about 18.",
            "Keep it safe. Take it to health appointments if it helps.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the nurse for young people leaving care.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Many people can ask their family about their health as a child. Your health "
                    "passport gives you that information in one place, so you do not have to "
                    "guess."
                ),
            },
            {
                "type": "heading",
                "text": "What is in it",
            },
            {
                "type": "paragraph",
                "text": (
                    "Your National Health Service (NHS) number and your family doctor (general "
                    "practitioner, or GP). Facts about your birth. The vaccinations you have had. "
                    "Any conditions you have been diagnosed with, and tests you have had."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Who can see it?",
                        "answer": "It is yours. You choose who to show it to.",
                    },
                    {
                        "question": "I am over 18 and never got one. What do I do?",
                        "answer": "Ask your Personal Adviser (PA). You can still ask for one.",
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA about your health passport",
            },
        ],
    },
    {
        "slug": "emotional-wellbeing-support",
        "title": "Support with how you feel",
        "section": "health-and-wellbeing",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant", "qualifying"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Support if you feel low, anxious, stressed or alone. It can be a chat with your "
            "Personal Adviser (PA), one-to-one sessions or help to get mental health care."
        ),
        "search_terms": (
            "mental health, anxiety, depression, feeling low, stress, lonely, counselling, "
            "therapy, someone to talk to, panic attacks, self harm, camhs, wellbeing, mindfulness, "
            "not coping, drugs, alcohol, depresion, anxious, sad, camhs stops at 18, adult mental "
            "health services, drinking too much"
        ),
        "steps": [
            "Tell your Personal Adviser (PA) how you are feeling. You do not need the right words.",
            "Your PA may do a short wellbeing check with you, to see what support fits.",
            "You can be linked to a wellbeing worker, a mentor or one-to-one sessions.",
            "Your PA can help you see your doctor and get mental health care.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the duty worker in the leaving care team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Leaving care can bring up a lot of feelings. It is OK not to be OK, and "
                    "asking for help is a strong thing to do. Your Personal Adviser (PA) can help "
                    "you find support that suits you."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Support can include one-to-one mindfulness sessions and a mentor to get you "
                    "out and about. There are also activities, like the care leavers football "
                    "team. Mental health services for young people usually stop at 19, and adult "
                    "services can have waiting lists. Your PA can help you through that gap."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Do I have to see a counsellor?",
                        "answer": (
                            "No. You choose what support you want. Some people start just by "
                            "talking to their PA."
                        ),
                    },
                    {
                        "question": "I am worried about my drinking or drug use. Who can help?",
                        "answer": (
                            "Tell your PA. They can link you to a drug and alcohol worker for "
                            "young people."
                        ),
                    },
                ],
            },
            {
                "type": "paragraph",
                "text": (
                    "If you feel unsafe or might hurt yourself, call 999 or go to accident and "
                    "emergency (A&E) now."
                ),
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA about support with how you feel",
            },
        ],
    },
    {
        "slug": "sexual-health-and-contraception",
        "title": "Sexual health and contraception",
        "section": "health-and-wellbeing",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant", "qualifying"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Free condoms through the C-Card from your Personal Adviser (PA), plus support with "
            "sexual health and healthy relationships."
        ),
        "search_terms": (
            "condoms, c card, c-card, ccard, contraception, sexual health, sti test, pregnancy "
            "test, pill, implant, safe sex, relationships, abusive relationship, clinic, condems, "
            "free condoms, sex advice"
        ),
        "steps": [
            "Ask your Personal Adviser (PA) about the C-Card. PAs are trained to give it out.",
            "Use your card to get condoms, and ask your PA any questions.",
            "For tests or other contraception, your PA or the nurse can help you find a clinic.",
            "If a relationship feels wrong, talk to your PA.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the nurse for young people leaving care.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "The C-Card is a free condom card for young people. You can get condoms from "
                    "your Personal Adviser (PA), without having to go to a clinic. There is also a "
                    "nurse for young people leaving care, who runs drop-in sessions on sexual and "
                    "physical health."
                ),
            },
            {
                "type": "heading",
                "text": "Healthy relationships",
            },
            {
                "type": "paragraph",
                "text": (
                    "Nobody should control, scare or hurt you. PAs have training on domestic "
                    "abuse, and can help you get specialist support."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Will my PA judge me?",
                        "answer": "No. Your PA is there to help you stay safe and healthy.",
                    },
                    {
                        "question": "I think I might be pregnant. What should I do?",
                        "answer": (
                            "Talk to your PA or the nurse. They can help you get a test and "
                            "support, whatever you decide."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA about the C-Card",
            },
        ],
    },
    {
        "slug": "support-for-young-parents",
        "title": "Support for young parents",
        "section": "health-and-wellbeing",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant", "qualifying"],
        "requires_any": ["parent_or_pregnant"],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Extra support if you are pregnant or a parent. This includes the Family Nurse "
            "Partnership up to age 25, parent groups and help for young dads."
        ),
        "search_terms": (
            "pregnant, baby, young mum, young dad, parenting, family nurse, fnp, family nurse "
            "partnership, midwife, mother and baby group, dad support, single mum, new baby, "
            "pregnancy support, im pregnant, preganant, parents group"
        ),
        "steps": [
            "Tell your Personal Adviser (PA) as soon as you know you or your partner are pregnant.",
            "Your PA can refer you to the Family Nurse Partnership and other support.",
            "Join a parents group to meet other young parents, if you want to.",
            (
                "Plan for money, your home and your baby with your PA, and add it to your pathway "
                "plan (my plan)."
            ),
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the duty worker in the leaving care team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Becoming a parent is a big change, and you deserve good support. Young "
                    "parents who have been in care are meant to get priority for family support "
                    "services."
                ),
            },
            {
                "type": "heading",
                "text": "Family Nurse Partnership",
            },
            {
                "type": "paragraph",
                "text": (
                    "A specially trained family nurse supports you through pregnancy and your "
                    "baby's early years. Care leavers can get this until they turn 25."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Will my baby be taken into care because I was in care?",
                        "answer": (
                            "Being a care leaver does not mean your baby will be taken into care. "
                            "Getting support early helps you and your baby. Talk to your Personal "
                            "Adviser (PA)."
                        ),
                    },
                    {
                        "question": "I am a young dad. Is there help for me?",
                        "answer": (
                            "Yes. There is support for fathers too, including one-to-one help from "
                            "male workers if groups are not for you."
                        ),
                    },
                    {
                        "question": "Can I meet other young parents?",
                        "answer": (
                            "Yes. There are parent groups where you can meet others, share tips "
                            "and get out with your child."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA about support for young parents",
            },
        ],
    },
    # Support and advice
    {
        "slug": "personal-adviser",
        "title": "Your Personal Adviser (PA)",
        "section": "support-and-advice",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Your Personal Adviser (PA) is your main worker from about 16. They help with your "
            "plan, money, home, health, learning and work, until 21 or up to 25 if you ask."
        ),
        "search_terms": (
            "pa, personal adviser, personal advisor, my worker, leaving care worker, social "
            "worker, who is my pa, contact my pa, change my pa, new pa, duty worker, key worker, "
            "p.a, personel advisor, message my pa"
        ),
        "steps": [
            "You should get a Personal Adviser (PA) as close to your 16th birthday as possible.",
            "Meet your PA and agree how you like to keep in touch.",
            "See your PA at least every 8 weeks, or more often if you need to.",
            "If your PA is away, contact the duty worker in the leaving care team.",
        ],
        "who_to_ask": (
            "The duty worker in the leaving care team, if you do not know who your Personal "
            "Adviser (PA) is."
        ),
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Your Personal Adviser (PA) is on your side. They make and review your pathway "
                    "plan (my plan) with you. They help with whatever comes up: money, a home, "
                    "college, work or health."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The aim is for each PA to support no more than 20 to 22 young people. That "
                    "way, they have time for you."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "How often will I see my PA?",
                        "answer": "At least every 8 weeks. You can ask to see them more often.",
                    },
                    {
                        "question": "What if I need help at night or at the weekend?",
                        "answer": (
                            "Contact the council's emergency duty team. If you are in danger, call "
                            "999."
                        ),
                    },
                    {
                        "question": "What if my PA and I do not get on?",
                        "answer": (
                            "Tell their manager. An advocate can help you say what you want, and "
                            "you can also complain."
                        ),
                    },
                    {
                        "question": "Does my PA stop when I am 21?",
                        "answer": (
                            "You keep your PA until 21. After that, you can ask for support until "
                            "you turn 25."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Send your PA a message",
            },
        ],
    },
    {
        "slug": "pathway-plan",
        "title": "Your pathway plan (my plan)",
        "section": "support-and-advice",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Your pathway plan (my plan) sets out your goals and the support you will get. You "
            "make it with your Personal Adviser (PA)."
        ),
        "search_terms": (
            "pathway plan, my plan, plan, review meeting, goals, pathway, my future, what happens "
            "at 18, plan review, pathwayplan, pathway plan meeting, my goals, patheway plan"
        ),
        "steps": [
            (
                "Your social worker or Personal Adviser (PA) starts your plan with you by your "
                "16th birthday."
            ),
            "Say what you want for your future. It is your plan.",
            "Check the plan, sign it and keep your own copy.",
            "Review it regularly, and any time things change.",
        ],
        "who_to_ask": "Your Personal Adviser (PA) or social worker.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Your plan is about you and your future. It covers where you will live, money, "
                    "education and work, health, relationships and the skills you want to build. "
                    "Your Personal Adviser (PA) makes it with you."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "It should also say what happens if things do not go to plan, so there is "
                    "always a backup."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Do I have to go to the review meetings?",
                        "answer": (
                            "You should be invited, and it helps if you go. If you cannot, tell "
                            "your PA what you want to say."
                        ),
                    },
                    {
                        "question": "What if I disagree with something in my plan?",
                        "answer": (
                            "Tell your PA. If you are still not happy, an advocate can help you, "
                            "or you can complain."
                        ),
                    },
                    {
                        "question": "Can I have a copy?",
                        "answer": "Yes. You should sign your plan and get your own copy.",
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA to go through your plan with you",
            },
        ],
    },
    {
        "slug": "support-after-21",
        "title": "Support after 21",
        "section": "support-and-advice",
        "min_age": 21,
        "max_age": 24,
        "statuses": ["former_relevant"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "After 21, you can still ask a Personal Adviser (PA) for help until your 25th "
            "birthday. It can be a quick question or longer support."
        ),
        "search_terms": (
            "over 21, 21+, 21 plus, 22, 23, 24, after 21, support after 21, still get help, come "
            "back, reopen my case, too old for pa, help at 23, leaving care 25, over twenty one, "
            "can i still get help"
        ),
        "steps": [
            "Contact the leaving care team and say you would like support.",
            "Tell them what you need help with.",
            (
                "You may get a Personal Adviser (PA) again for a while, or advice on a one-off "
                "problem."
            ),
            "The team will also try to get in touch with you at least once a year.",
        ],
        "who_to_ask": (
            "The duty worker in the leaving care team, or your last Personal Adviser (PA)."
        ),
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Turning 21 does not mean the end of support. Since April 2018, the law says "
                    "care leavers can ask for help from a Personal Adviser (PA) until 25."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Young people come back for all sorts of reasons. Money is one of the most "
                    "common. Others want help with housing, work, training, family or health."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "I did not want support at 21. Can I change my mind?",
                        "answer": "Yes. You can ask for support at any time until you turn 25.",
                    },
                    {
                        "question": "Why is the council contacting me?",
                        "answer": (
                            "The council tries to contact every care leaver aged 21 to 25 at least "
                            "once a year. It checks you are OK and reminds you that help is there."
                        ),
                    },
                    {
                        "question": "Will I get a PA again?",
                        "answer": (
                            "If it helps you, the team may give you a PA for a while. Otherwise, "
                            "you can get advice when you need it."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask the leaving care team for support",
            },
        ],
    },
    {
        "slug": "access-to-records",
        "title": "Reading your care records and getting your documents",
        "section": "support-and-advice",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant", "qualifying"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "You can ask to read the records kept while you were in care, with your Personal "
            "Adviser (PA) beside you. You can also get help with key documents."
        ),
        "search_terms": (
            "my file, care records, read my file, why was i in care, life story, birth "
            "certificate, national insurance number, ni number, passport, id, proof of id, "
            "documents, subject access request, my records, reccords, my care file, why was i put "
            "in care, my story, get a passport, apply for a passport, photo id"
        ),
        "steps": [
            "Tell your Personal Adviser (PA) you would like to see your records.",
            "Your PA helps you ask the council for them.",
            "When you are ready, read them at the council offices, with your PA beside you.",
            "Ask your PA for help with any key documents you do not have.",
        ],
        "who_to_ask": (
            "Your Personal Adviser (PA), or the leaving care team if you no longer have a PA."
        ),
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Your records can help you understand your story and why you were in care. "
                    "They can also bring up strong feelings, so you do not have to read them "
                    "alone. Your Personal Adviser (PA) can go with you."
                ),
            },
            {
                "type": "heading",
                "text": "Key documents",
            },
            {
                "type": "paragraph",
                "text": (
                    "You need documents for things like starting a job, renting a home, opening a "
                    "bank account and travelling. These include your birth certificate, your "
                    "National Insurance number and a passport. Your PA can help you get them."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Do I have to read my records with my PA?",
                        "answer": "No, but it can help to have someone with you. You choose.",
                    },
                    {
                        "question": "What is a National Insurance number for?",
                        "answer": (
                            "It is your personal number for tax and benefits. You need it to work "
                            "and to claim benefits."
                        ),
                    },
                    {
                        "question": "What if reading my records upsets me?",
                        "answer": (
                            "Your PA can talk it through with you. They can also help you get "
                            "extra support with how you feel."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA about your records or documents",
            },
        ],
    },
    {
        "slug": "advocacy-and-complaints",
        "title": "Advocacy and how to complain",
        "section": "support-and-advice",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant", "qualifying"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "An advocate is someone independent who helps you speak up. If you are unhappy with "
            "the help you get, you have the right to complain."
        ),
        "search_terms": (
            "complain, complaint, not happy, unfair, advocate, advocacy, speak up, someone on my "
            "side, my pa isnt helping, make a complaint, independent, rights, my rights, "
            "complaints leaflet, complane, not listening"
        ),
        "steps": [
            "If you can, tell your Personal Adviser (PA) or their manager what is wrong first.",
            (
                "If it is not sorted, make a complaint. You can get the complaints leaflet at your "
                "pathway plan review."
            ),
            "Ask for an advocate if you want someone independent to help you.",
            "You will be told what happens next.",
        ],
        "who_to_ask": (
            "Your Personal Adviser (PA), their manager, or the council's advocacy service."
        ),
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Sometimes things go wrong, or you feel no one is listening. You have the "
                    "right to speak up and to complain. Complaints help the council put things "
                    "right and do better."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "An advocate is independent from the leaving care team. They can help you say "
                    "what you want in meetings, in your plan or in a complaint."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Will complaining make things worse with my PA?",
                        "answer": (
                            "It should not. Often a manager meets you to talk it through and sort "
                            "it out."
                        ),
                    },
                    {
                        "question": "How do I get an advocate?",
                        "answer": (
                            "Ask your Personal Adviser (PA) or the leaving care team to put you in "
                            "touch with the advocacy service."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA how to get an advocate or make a complaint",
            },
        ],
    },
    {
        "slug": "unaccompanied-young-people-support",
        "title": "Support for young people who came to the UK alone",
        "section": "support-and-advice",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant", "qualifying"],
        "requires_any": ["unaccompanied_asylum_seeker"],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Extra support if you came to the United Kingdom (UK) alone to seek safety. This "
            "includes a dedicated worker, interpreters and courses made for you."
        ),
        "search_terms": (
            "asylum, refugee, uasc, came alone, home office, immigration, interpreter, translator, "
            "my language, leave to remain, english classes, papers, asylum seeker, unaccompanied, "
            "refugee status, asilum, translate"
        ),
        "steps": [
            "Ask your Personal Adviser (PA) for an interpreter for meetings if you need one.",
            "Meet the dedicated worker for young people who came to the United Kingdom (UK) alone.",
            "Join courses made for you, like a tenancy course with interpreters.",
            "Come to drop-ins and activities to meet other young people.",
        ],
        "who_to_ask": (
            "Your Personal Adviser (PA), or the dedicated worker for young people who came to this "
            "country alone."
        ),
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Coming to a new country on your own is hard. You get the help every care "
                    "leaver gets, plus extra support that fits your situation. Your Personal "
                    "Adviser (PA) can help you understand what is happening and who to ask."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The leaving care team has a dedicated worker for unaccompanied asylum-seeking "
                    "young people (UASC). They know the extra challenges you may face."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Can I have an interpreter?",
                        "answer": (
                            "Yes. Interpreters are used so you can understand and be understood. "
                            "Ask your PA."
                        ),
                    },
                    {
                        "question": "Where can I meet other young people like me?",
                        "answer": (
                            "There are drop-ins and activities, like football, where you can meet "
                            "others who came to the United Kingdom (UK) alone."
                        ),
                    },
                    {
                        "question": "What does UASC mean?",
                        "answer": (
                            "It is short for unaccompanied asylum-seeking children. It means young "
                            "people who came to the UK without a parent or carer and asked for "
                            "safety here."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA for an interpreter or the dedicated worker",
            },
        ],
    },
    # Having your say
    {
        "slug": "meet-the-manager",
        "title": "Meet the manager",
        "section": "having-your-say",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant", "qualifying"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Every two months, you can meet the managers of the leaving care service. Ask "
            "questions, raise problems and share ideas."
        ),
        "search_terms": (
            "meet the manager, manager, talk to the boss, question and answer, q and a, q&a, speak "
            "to a manager, raise a problem, ideas, who runs the service, meet the manger, event"
        ),
        "steps": [
            "Ask your Personal Adviser (PA) or the participation team when the next session is.",
            "Come along and listen, ask questions or share ideas.",
            "Find out what changed because of what young people said.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the participation team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Meet the manager is a relaxed question and answer session with the people who "
                    "run the leaving care service. It happens every two months."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "It is your chance to tell managers what is working, what is not, and what "
                    "would make things better. The participation team, who help young people have "
                    "a say, support the sessions."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Do I have to speak?",
                        "answer": (
                            "No. You can just listen. If you prefer, your Personal Adviser (PA) "
                            "can pass on a question for you."
                        ),
                    },
                    {
                        "question": "What if I cannot make it?",
                        "answer": (
                            "There is another session two months later. You can also share your "
                            "views through the forum or the annual survey."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA when the next Meet the manager is",
            },
        ],
    },
    {
        "slug": "care-leavers-forum",
        "title": "The care leavers forum",
        "section": "having-your-say",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant", "qualifying"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "A group where young people who have left care meet, have their say on services and "
            "help make things better for others."
        ),
        "search_terms": (
            "forum, care leavers forum, youth voice, group, have my say, meet other care leavers, "
            "panel, interview panel, fostering panel, participation, make a change, online group, "
            "facebook group, forem, youth council"
        ),
        "steps": [
            (
                "Ask your Personal Adviser (PA) or the participation team about the next forum "
                "meeting."
            ),
            "Come along, or join the online group if you prefer.",
            "Share your ideas and experiences.",
            "If you want, get trained to sit on interview or fostering panels.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the participation team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "The forum is run with the participation team, who help young people have a "
                    "say. Members talk about what matters to them and help shape the local offer."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Young people can also sit on interview panels for new staff. Some join the "
                    "fostering panel, which approves new families to look after young people. "
                    "Councillors hear from young people too."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Do I need any experience?",
                        "answer": "No. You just need to have been in care and want to have a say.",
                    },
                    {
                        "question": "I get anxious in groups. Can I still take part?",
                        "answer": (
                            "Yes. You can join online, or share your views one-to-one with a "
                            "worker."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your Personal Adviser (PA) about joining the forum",
            },
        ],
    },
    {
        "slug": "annual-survey",
        "title": "The annual care leaver survey",
        "section": "having-your-say",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant", "qualifying"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "Each year the council asks care leavers what they think of the support they get. Your "
            "answers help decide what changes."
        ),
        "search_terms": (
            "survey, questionnaire, feedback, have my say, rate my pa, annual survey, care leaver "
            "survey, opinion, tell you what i think, form, servey, review the service"
        ),
        "steps": [
            "Look out for the survey each year. A recent one ran in October and November.",
            "Fill it in. Your Personal Adviser (PA) can help if you want.",
            "Be honest. Say what works and what does not.",
            "Look out for news of what changed because of the results.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the participation team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "The annual survey asks what you think about your Personal Adviser (PA), your "
                    "home, money, health and more. It also asks how well you know your rights, and "
                    "whether you feel in control of your life."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "In one recent year, 94% of care leavers who answered said they were happy "
                    "with their PA. The goal is for everyone to be happy with their support. After "
                    "each survey, services must show what they have done about what young people "
                    "said."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Why should I bother?",
                        "answer": (
                            "Past surveys have led to changes in the local offer. The survey is "
                            "one of the main ways the council hears from you."
                        ),
                    },
                    {
                        "question": "What if I miss it?",
                        "answer": (
                            "You can still share your views at any time, through the forum, Meet "
                            "the manager or your PA."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Ask your PA when the next survey is",
            },
        ],
    },
    {
        "slug": "celebrating-achievements",
        "title": "Celebrating what you achieve",
        "section": "having-your-say",
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant", "qualifying"],
        "requires_any": [],
        "requires_all": [],
        "amount_gbp": None,
        "summary": (
            "The council celebrates what you achieve, big or small. There are well done cards, "
            "Care Leavers Week events each October and a Christmas dinner."
        ),
        "search_terms": (
            "celebration, awards, achievement, well done card, care leavers week, christmas "
            "dinner, party, events, star awards, certificate, proud, football, social events, "
            "things to do, acheivement, christmas"
        ),
        "steps": [
            "Tell your Personal Adviser (PA) about anything you are proud of, big or small.",
            "Look out for a well done card.",
            "Come to events in Care Leavers Week each October.",
            "Ask your PA about the Christmas dinner and other get-togethers.",
        ],
        "who_to_ask": "Your Personal Adviser (PA), or the participation team.",
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Passing a test, starting a job, settling into a new home or getting through a "
                    "hard month all count. The leaving care team wants to celebrate with you."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Care Leavers Week is a national week each October. The council marks it with "
                    "events, like a celebration or a competition. There is also a Christmas dinner "
                    "where you can meet other care leavers. Meals, football and other activities "
                    "happen through the year."
                ),
            },
            {
                "type": "questions",
                "items": [
                    {
                        "question": "Does it have to be a big achievement?",
                        "answer": "No. Anything you are proud of counts.",
                    },
                    {
                        "question": "I get nervous at big events. Can I still come?",
                        "answer": (
                            "Yes. Some young people who find groups hard have said events like the "
                            "Christmas dinner helped their confidence. Talk to your Personal "
                            "Adviser (PA) about any worries first."
                        ),
                    },
                ],
            },
            {
                "type": "ask_pa",
                "text": "Tell your PA about something you are proud of",
            },
        ],
    },
]

GLOSSARY = [
    {
        "term": "Advocacy / advocate",
        "meaning": (
            "An advocate is someone independent from the leaving care team who helps you speak up "
            "and be heard. Advocacy is the help they give."
        ),
    },
    {
        "term": "Apprenticeship",
        "meaning": (
            "A paid job with training. You earn a wage, learn on the job and work towards a "
            "qualification."
        ),
    },
    {
        "term": "ASDAN",
        "meaning": (
            "Short for the Award Scheme Development and Accreditation Network. It offers short, "
            "flexible courses that can lead to qualifications."
        ),
    },
    {
        "term": "Bursary",
        "meaning": "Money to help with the costs of studying. You do not pay it back.",
    },
    {
        "term": "C-Card",
        "meaning": (
            "A card that lets young people get free condoms. Your Personal Adviser (PA) can give "
            "you one."
        ),
    },
    {
        "term": "Care leaver",
        "meaning": "A young person aged 16 to 25 who was in the care of the council.",
    },
    {
        "term": "Council tax",
        "meaning": (
            "A yearly bill for local services, like bin collections. Care leavers in their own "
            "home do not pay it until they turn 25."
        ),
    },
    {
        "term": "Education, employment or training (EET)",
        "meaning": (
            "Being at school, college or university, in a job, or on a training course or "
            "apprenticeship."
        ),
    },
    {
        "term": "Eligible",
        "meaning": (
            "You are 16 or 17 and still in care. You have been in care for at least 13 weeks in "
            "total since you were 14."
        ),
    },
    {
        "term": "Family Nurse Partnership",
        "meaning": (
            "A programme where a specially trained nurse supports young parents through pregnancy "
            "and the early years. Care leavers can get it until they turn 25."
        ),
    },
    {
        "term": "Former relevant",
        "meaning": (
            "You are 18 to 25 and you were eligible or relevant before. You can get most of the "
            "local offer."
        ),
    },
    {
        "term": "Health passport",
        "meaning": (
            "A summary of your own health history, like your vaccinations and any conditions. You "
            "get it at about 18."
        ),
    },
    {
        "term": "Home Choice / housing register",
        "meaning": (
            "The waiting list for council and housing association homes. Care leavers get a "
            "priority band (band B)."
        ),
    },
    {
        "term": "Ignition panel",
        "meaning": (
            "A group that helps young people plan where and how they will live after care. It "
            "starts from about 15 and a half."
        ),
    },
    {
        "term": "Leaving care team",
        "meaning": (
            "The council team that supports young people leaving care, including Personal Advisers "
            "(PAs) and their managers."
        ),
    },
    {
        "term": "Local offer",
        "meaning": (
            "The list of all the help and services the council gives care leavers, and how to get "
            "them. Every council must publish one."
        ),
    },
    {
        "term": "Not in education, employment or training (NEET)",
        "meaning": (
            "Not at school, college or university, not in a job and not on a training course. "
            "There is help if this is you."
        ),
    },
    {
        "term": "Pathway plan (my plan)",
        "meaning": (
            "Your plan for your future, made with you. It covers where you will live, money, "
            "learning and work, health and the support you will get."
        ),
    },
    {
        "term": "Personal Adviser (PA)",
        "meaning": (
            "Your main worker in the leaving care team, from about 16. They help you with your "
            "plan and anything that comes up, until 21 or up to 25 if you ask."
        ),
    },
    {
        "term": "Qualifying",
        "meaning": (
            "You left care after turning 16 but are not eligible, relevant or former relevant. For "
            "example, a special guardianship order made someone else your legal guardian. You can "
            "get advice and some help."
        ),
    },
    {
        "term": "Relevant",
        "meaning": "You are 16 or 17, you were eligible, and you have now left care.",
    },
    {
        "term": "Setting Up Home Grant",
        "meaning": (
            "A grant of £2,000 to buy what you need when you move into your first home of your own."
        ),
    },
    {
        "term": "Staying Put",
        "meaning": (
            "Carrying on living with the person who cared for you after you turn 18, up to the age "
            "of 21."
        ),
    },
    {
        "term": "Tenancy",
        "meaning": (
            "An agreement with a landlord that lets you live in a home in return for paying rent."
        ),
    },
    {
        "term": "Unaccompanied asylum-seeking young person (UASC)",
        "meaning": (
            "A young person who came to the United Kingdom (UK) alone and asked for safety "
            "(asylum) here."
        ),
    },
]
