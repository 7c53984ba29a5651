using PostGuard.Core.Checks.Text.Tokens;

namespace PostGuard.Core.Checks.Text.Names;

/// <summary>
/// Words that are people's names but also ordinary words, months or days ("May", "Grace", "Will",
/// "Reading"): they count as names only in a name context (<see cref="NameContext"/>).
/// </summary>
public static class OrdinaryWordNames
{
    /// <summary>First names in the lexicons that are also English words (lexicon ∩ a British English word list, lower case).</summary>
    private const string DictionaryWords = """
        abbey abbot ad ado adore alley ally amber amble amity angel any arch archer
        art arty ash august aura axe bail bald bale ban bank bar barb bard
        barn barney baron base basil bat bay bear beau beck bee bell belle bent
        beret berry beryl biddy bill billy birch bird birdie blanch bliss blithe bob bobby
        bogey bond bone bonnie bonny boot booth boy brad bran brand brandy brew brewer
        bride brier brig briny brook brooks buck bud buddy bunny burg burr butch cad
        cal calypso cam camel camellia candy caprice car care carmine carol carry cart carver
        case cash celesta cello chad chance chandler chariot charity chase chastity cherish cherry chic
        chick chip christen chuck cinnamon clay clement cliff cob colas colleen collie con constancy
        cookie coop cooper coral cord corny court craggy cross crystal cull curry curt daffy
        dahlia daisy dale dame dare darn dawn dean deb deck dell delphinia den deny
        derby derrick dew dick dickie dicky dieter dill dilly dirk doe doll dolly don
        dory dot dotty drake drew dud duff duke dun dusty earl early ebony ed
        eddy else em emery ester eve even fair faith fan fancy fanny far faun
        fawn fax fedora fee felicity fern fey fidelity field fielding fields filbert fin flint
        flora ford forest forester foster frank free freedman freeman gabby gal gale gardener garland
        garner garnet garret gates gay gene gill ginger gipsy glad glen glory goober grace
        gram grange grannie granny grant griffin grove gun gunner gusty guy gypsy had hale
        hall ham hank happy hardy harmony harp harry hart hasty haven haze hazel heath
        heather hector herb hew hi hill hillier hilly hogan holly homer honey hope hunt
        hunter hyacinth iris itch ivory ivy jack jade jarred jasmine jasper jay jessamine jewel
        jimmy job jock john josh joy julienne kale keen ken kin king kipper kit
        kitty la lacy lance land lane lark laurel law lay lea lee lefty levy
        lib lief lily link linnet lion lira lisle lock lorry lucky mace magnum major
        man mar margarita maria marigold marina mark marlin marsh marshal mart marten martin mason
        matt max maxim may mayor mead meg melody mercy merrily merry meta mickey midge
        mike mil mile miles mill miller min miner minor misty modesty moll mommy moss
        muffin my myrtle nanny nap nappy natal natty nettle newton nick nil noble noel
        north ode olive opal pace paddy page pail pall palm pansy park parry pat
        pate patience patsy patty pearl peg pen penny pet peter petunia phoebe pier pierce
        piggy pip piper pooh poppy port porter price prince prudence puff quill rabbi ram
        randy ransom raven ray read red reed rhea rice rich rick ring rip rob
        robin rock rocky rod roger rogers roman rose rosemary rosette rosy row royal rube
        ruby ruddy rusty sally salmon sander sanders sandy sapphire saree sari saw sawyer sax
        say scarlet see serene serge sergeant shadow shandy sharia shell shepherd sherry sibyl silvan
        sim sissy skip skipper sky sly smith sol son sonny spike star sterling stern
        steward storm stormy sue sully sunny sunshine sylvan tab tabby tad taffy tailor tally
        tam tan tanner tansy temp temple terry thatch thatcher thorn thorny tiff tine toddy
        tom tome tony tore town trace trip troy tuck tucker turner urban vale valentine
        van velvet verge vi victor viola violet viva wade wait waiter wake waldo walker
        ward warden ware warren wash way web welch wells welsh west wheeler whit will
        willow wilt win windy wit witty wolf wood woodman woody worth worthy wren wright
        yank yard yule zed
        """;

    private const string CalendarAndSchoolWords = """
        january february march april may june july august september october november december
        monday tuesday wednesday thursday friday saturday sunday
        spring summer autumn winter easter christmas harvest advent lent pentecost trinity
        reading writing maths art music drama science history geography
        hope faith joy grace charity patience mercy honor honour glory bliss harmony unity destiny liberty
        rose lily daisy poppy holly ivy iris hazel willow rowan heather violet jasmine olive ruby pearl amber crystal jade
        sky rain storm river brook lake ocean forest meadow summer winter dawn eve star sunny
        happy merry lucky rich frank grant chase hunter archer mason carter cooper baker porter taylor tyler parker turner walker fletcher piper harper tanner
        king prince princess queen duke earl baron lord lady major royal noble
        will bill mark jack pat sue don guy ray rob nick kit pip bob dot penny sandy rusty buddy sonny
        """;

    /// <summary>Surnames that are also ordinary words: a lone lower-case "brown" is not Tom Brown.</summary>
    private const string WordSurnames = """
        brown green white black gray grey young old king hill wood woods baker hall wright cook bell ward turner
        cooper carter rose fox lamb marsh stone mills lane bird little long short rich sharp swift page price day law
        gold best hope weeks church chapel house field fields banks parks hunt knight bishop archer mason walker fisher
        miller smith porter potter singer taylor head heart lord noble grant joy moss wall waters rivers brook ford ash
        booth barber butler chambers cross dean fair frost glass golden good gray hardy hay hawk holt hood hull lake
        lee may nash north south east west oak park peacock pike pool power reed rice rock salt sands shaw sparrow
        spring street summers tanner thorn tower wells wise woodward young worth
        """;

    /// <summary>
    /// Names that are also words, but whose word is seldom written with a capital inside a sentence ("matt" paint, "josh",
    /// "tom" cat): "the children helped Matt to celebrate" is a boy. Subjects, virtues, flowers, months and ranks, which
    /// posts do capitalise ("in Art", "our value of Hope", "Willow"), are not among them.
    /// </summary>
    public static readonly WordSet NamesFirst = new("""
        barney billy bobby brad chad derrick dickie dieter dirk dolly drew eddy gabby gene hank harry jack jimmy john josh
        ken maria martin matt max meg mickey mike nick noel paddy patsy patty peter phoebe rick rob roger sally sonny sue
        terry tom tony troy victor warren
        """);

    public static readonly WordSet Words = new(DictionaryWords + " " + CalendarAndSchoolWords + " " + WordSurnames);

    public static readonly WordSet Months = new("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec");

    public static readonly WordSet Weekdays = new("monday tuesday wednesday thursday friday saturday sunday");

    public static bool Contains(string word) => Words.Contains(word);
}
