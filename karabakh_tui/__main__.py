from karabakh_tui.cli import main

main()
