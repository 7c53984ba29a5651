namespace PostGuard.Core.Checks.Text.Names;

/// <summary>
/// Common first names of children in UK schools that the public (US-derived) lexicons lack:
/// Freya, Isla, Oscar, Aisha, Arjun, Niamh... Added to <see cref="FirstNameLexicon"/> when it loads.
/// </summary>
public static class UkFirstNames
{
    public const string Names = """
        freya isla arlo oscar aisha arjun priya nia cerys niamh oisin aoife ayaan yusuf amir amira aaliyah aleena alfie
        alisha amelie anaya aria arham ayesha aarav aadhya aditya ahmed ali aliyah anaya aryan asher ayaan ayla azaan
        bodhi caoimhe ciaran cian darcie darcey dua eesa eira elif elsie emre esme evie-mae fatima fatimah ffion finlay
        freddie gethin hafsa halima hamza harley hasan hussain ibrahim idris imaan inaya isaac ishaan isla-rose jannat
        kacper kayden keira kian kobi laiba lacey leyla lilia liliana lyla maddison maja maryam mateo mehmet mila
        mohammad mohammed muhammad musa nadia nikola noor nuh oliwia omar ophelia orla osian piper reggie rehan
        riley-jay roman ronnie rowan rumaysa safa sahil saoirse seren siddharth sienna sofia sonny stanley sufyan
        summer-rose taran tegan teddy tomos tyler-jay vihaan wiktoria xander yahya yasmin zain zaid zainab zayn zara
        zuzanna zofia amaya aurora ava-grace aisling aoibheann bronwen callum declan eilidh eoin fionn iona kirsty
        lachlan mairi morven niall ruaridh seamus sinead tiernan lewis kieran euan jayden jenson jaxon grayson hudson oakley wilf
        bethan carys ciara lowri mali efa elodie jorja luna maeve maya dafydd owain iwan ieuan cai
        """;
}
