namespace NewsWatch.Assessment.Text;

/// <summary>Where a sentence sits. News puts its subject in the headline and the first sentences (inverted pyramid).</summary>
public enum TextZone
{
    Title,
    Lead,
    Body,
}
